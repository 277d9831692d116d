import Foundation
import Testing
@testable import ExptOptim

/// Each rule's C loop for `Float` (`runCompiled`, in the instruction set this process chose:
/// run the suite with `EXPT_ISA=baseline`, `avx2` and `avx512` to check all three) against its
/// Swift `Lanes` loop (`runVectorized`, SIMD8 then one element at a time), over the same buffers
/// full of special values, for eight steps with each step's factors: every parameter and every
/// state value must have the same bits (NaN matching any NaN). Each option combination has its
/// own case, as each is its own loop in both languages.
struct CompiledKernelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The kernel over `buffers` at step `t` (from 1).
        let make: @Sendable (_ buffers: KernelBuffers, _ t: Int) -> any CompiledKernel
        var testDescription: String { name }
    }

    /// Weight decay of the rules that take either: none, coupled λ = 0.1, or decoupled at γ = 0.01.
    struct Decay: Sendable {
        let name: String
        let weightDecay: Double
        let decoupled: Bool
        var mode: WeightDecayMode<Float> { WeightDecayMode(weightDecay: weightDecay, decoupled: decoupled, learningRate: 0.01) }
    }

    static let decayModes = [
        Decay(name: "no decay", weightDecay: 0, decoupled: false),
        Decay(name: "coupled decay", weightDecay: 0.1, decoupled: false),
        Decay(name: "decoupled decay", weightDecay: 0.1, decoupled: true),
    ]

    /// β₁ = 0.9 takes lerp's first formula (weight 0.1), β₁ = 0.3 its second (weight 0.7).
    static let beta1s: [Double] = [0.9, 0.3]

    static let adamCases: [Case] = decayModes.flatMap { decay in
        beta1s.flatMap { beta1 in
            [false, true].map { amsgrad in
                Case(name: "adam \(decay.name) β₁ \(beta1) amsgrad \(amsgrad)") { b, t in
                    AdamKernel<Float>(
                        step: b.step(decay.mode), moments: b.moments(beta1: beta1), maxSecondMoment: b.state(2),
                        amsgrad: amsgrad, eps: 1e-8, correction2Root: Float((1 - pow(0.999, Double(t))).squareRoot()),
                        negativeStepSize: -Float(0.01 / (1 - pow(beta1, Double(t)))))
                }
            }
        }
    }

    static let nadamCases: [Case] = decayModes.flatMap { decay in
        beta1s.map { beta1 in
            Case(name: "nadam \(decay.name) β₁ \(beta1)") { b, t in
                NAdamKernel<Float>(
                    step: b.step(decay.mode), moments: b.moments(beta1: beta1), eps: 1e-8,
                    correction2: Float(1 - pow(0.999, Double(t))),
                    gradientFactor: -0.002 / Float(t), momentFactor: -0.02 / Float(t + 1))
            }
        }
    }

    static let radamCases: [Case] = decayModes.flatMap { decay in
        [false, true].flatMap { rectified in
            beta1s.map { beta1 in
                Case(name: "radam \(decay.name) rectified \(rectified) β₁ \(beta1)") { b, t in
                    RAdamKernel<Float>(
                        step: b.step(decay.mode), moments: b.moments(beta1: beta1), eps: 1e-8,
                        correction1: Float(1 - pow(beta1, Double(t))),
                        correction2Root: Float((1 - pow(0.999, Double(t))).squareRoot()),
                        rectified: rectified, rectification: 0.1 * Float(t), rate: 0.01)
                }
            }
        }
    }

    static let adamaxCases: [Case] = [0, 0.1].flatMap { (decay: Double) in
        beta1s.map { beta1 in
            Case(name: "adamax decay \(decay) β₁ \(beta1)") { b, t in
                AdamaxKernel<Float>(
                    step: b.step(WeightDecayMode(coupled: decay)), firstMoment: b.state(0), infinityNorm: b.state(1),
                    firstWeight: Float(1 - beta1), beta2: 0.999, eps: 1e-8,
                    negativeStepSize: -Float(0.002 / (1 - pow(beta1, Double(t)))))
            }
        }
    }

    static let adagradCases: [Case] = [0, 0.2].map { (decay: Double) in
        Case(name: "adagrad decay \(decay)") { b, t in
            AdagradKernel<Float>(step: b.step(WeightDecayMode(coupled: decay)), sumOfSquares: b.state(0),
                                 eps: 1e-10, negativeRate: -Float(0.01 / (1 + Double(t - 1) * 0.1)))
        }
    }

    /// Every combination of weight decay, centering and momentum; α = 0.3 takes lerp's second formula.
    static let rmspropCases: [Case] = [0, 0.1].flatMap { (decay: Double) in
        [false, true].flatMap { centered in
            [0, 0.9].flatMap { (momentum: Float) in
                [0.99, 0.3].map { (alpha: Float) in
                    Case(name: "rmsprop decay \(decay) centered \(centered) momentum \(momentum) α \(alpha)") { b, _ in
                        RMSpropKernel<Float>(
                            step: b.step(WeightDecayMode(coupled: decay)), meanSquare: b.state(0), meanGradient: b.state(1),
                            momentumBuffer: b.state(2), alpha: alpha, newWeight: 1 - alpha, eps: 1e-8, centered: centered, momentum: momentum, negativeRate: -0.01)
                    }
                }
            }
        }
    }

    static let adadeltaCases: [Case] = [0, 0.1].map { (decay: Double) in
        Case(name: "adadelta decay \(decay)") { b, _ in
            AdadeltaKernel<Float>(step: b.step(WeightDecayMode(coupled: decay)), meanSquaredGradient: b.state(0),
                                  meanSquaredStep: b.state(1), rho: 0.9, newWeight: 1 - 0.9, eps: 1e-6, negativeRate: -1)
        }
    }

    /// No weight decay, or decoupled λ = 0.5 at γ = 0.01 (θ's factor 0.995).
    static let lionCases: [Case] = [0, 0.5].map { (decay: Double) in
        Case(name: "lion decay \(decay)") { b, _ in
            LionKernel<Float>(step: b.step(WeightDecayMode(weightDecay: decay, decoupled: true, learningRate: 0.01)),
                              momentum: b.state(0), beta1: 0.9, interpolationWeight: 1 - 0.9, beta2: 0.99,
                              decayWeight: 1 - 0.99, negativeRate: -0.01)
        }
    }

    static let cases = adamCases + nadamCases + radamCases + adamaxCases + adagradCases + rmspropCases + adadeltaCases
        + lionCases

    /// Every length from 1 (all tail) to 40, covering the tails of 4-, 8- and 16-lane loops and
    /// their unrolled bodies, and a long one; each aligned and one element off.
    static let lengths = Array(1...40) + [1027]

    @Test(arguments: cases)
    func compiledLoopGivesTheSwiftLoopsBits(_ c: Case) {
        for count in Self.lengths {
            for offset in [0, 1] {
                let seed = UInt64(count * 2 + offset)
                let compiled = KernelBuffers(count: count, offset: offset, seed: seed)
                let swift = KernelBuffers(count: count, offset: offset, seed: seed)
                for t in 1...8 {
                    compiled.drawGradients(step: t, seed: seed)
                    swift.drawGradients(step: t, seed: seed)
                    c.make(compiled, t).runCompiled(count: count)
                    c.make(swift, t).runVectorized(count: count)
                    if let d = compiled.firstDifference(from: swift) {
                        Issue.record("""
                            \(count) elements, offset \(offset), step \(t): buffer \(d.buffer) element \(d.element) \
                            is \(d.mine) (\(String(d.mine.bitPattern, radix: 16))) in C, \
                            \(d.theirs) (\(String(d.theirs.bitPattern, radix: 16))) in Swift
                            """)
                        return
                    }
                }
            }
        }
    }

    /// The loop does write the parameters (a loop that wrote nothing would match itself): most
    /// finite ones move, or become NaN where the random state makes a square root's argument negative.
    @Test(arguments: cases)
    func compiledLoopUpdatesTheParameters(_ c: Case) {
        let before = KernelBuffers(count: 64, offset: 0, seed: 9)
        let after = KernelBuffers(count: 64, offset: 0, seed: 9)
        after.drawGradients(step: 1, seed: 9)
        c.make(after, 1).runCompiled(count: 64)
        let changed = (0..<64).filter { i in
            let old = before.parameters.floats[i], new = after.parameters.floats[i]
            return old.isFinite && old.bitPattern != new.bitPattern
        }
        #expect(changed.count >= 32, "only \(changed.count) of 64 parameters changed")
    }
}
