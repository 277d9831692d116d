import ExptConfig
import ExptOptim
import Foundation
import Testing

/// SAM, Lookahead and L-BFGS on hand-computed steps: how many evaluations a step makes, what a
/// step without `reevaluate` does, and the stored form of a wrapper.
struct WrapperStepTests {
    /// Steps `optimizer` once on f(θ) = ½‖θ‖² (gradient θ), counting the evaluations it asks for.
    static func step(_ optimizer: any ParameterOptimizer<Double>, _ theta: inout [Double], learningRate: Double,
                     reevaluating: Bool = true) -> Int {
        var calls = 0
        var gradient = theta
        theta.withUnsafeMutableBufferPointer { buffer in
            let parameters = buffer
            gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                let gradients = gradientBuffer
                let reevaluate: Reevaluation = {
                    calls += 1
                    for i in 0..<parameters.count { gradients[i] = parameters[i] }
                    return zip(parameters, parameters).map { $0 * $1 }.reduce(0, +) / 2
                }
                optimizer.step(parameters: parameters, gradients: UnsafeBufferPointer(gradients), learningRate: learningRate,
                               reevaluate: reevaluating ? reevaluate : nil)
            }
        }
        return calls
    }

    /// θ = (3, 4), ρ = 0.5: ε = 0.5 · θ/5 = (0.3, 0.4), the gradient at θ + ε is (3.3, 4.4), and
    /// SGD at lr 0.1 from θ gives (3 − 0.33, 4 − 0.44) = (2.67, 3.56); one evaluation per step
    /// beside the executor's.
    @Test func samStepsWithTheGradientAtTheAscendedPoint() {
        let config = OptimizerConfig.sam(.init(rho: 0.5, base: .sgd(.init(lr: 0.1))))
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: .vector(2))
        var theta = [3.0, 4.0]
        #expect(Self.step(optimizer, &theta, learningRate: 0.1) == 1)
        #expect(abs(theta[0] - 2.67) < 1e-12 && abs(theta[1] - 3.56) < 1e-12, "\(theta)")
        #expect(Self.step(optimizer, &theta, learningRate: 0.1) == 1)
    }

    /// Adaptive SAM scales the ascent by θ² (and its norm by |θ|): θ = (1, 2), g = θ, ρ = 0.1:
    /// ‖|θ| g‖ = ‖(1, 4)‖ = √17, ε = θ² g · 0.1/√17 = (1, 8) · 0.1/√17, and SGD at lr 1 from θ
    /// gives θ − (θ + ε) = −ε = −(0.0242535625, 0.1940285000).
    @Test func adaptiveSAMScalesTheAscentByTheParameters() {
        let config = OptimizerConfig.sam(.init(rho: 0.1, adaptive: true, base: .sgd(.init(lr: 1))))
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: .vector(2))
        var theta = [1.0, 2.0]
        _ = Self.step(optimizer, &theta, learningRate: 1)
        #expect(abs(theta[0] + 0.1 / 17.0.squareRoot()) < 1e-12 && abs(theta[1] + 0.8 / 17.0.squareRoot()) < 1e-12, "\(theta)")
    }

    /// Without `reevaluate` SAM is its base: SGD at lr 0.1 from (3, 4) with gradient (3, 4).
    @Test func samWithoutReevaluationIsItsBase() {
        let config = OptimizerConfig.sam(.init(rho: 0.5, base: .sgd(.init(lr: 0.1))))
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: .vector(2))
        var theta = [3.0, 4.0]
        #expect(Self.step(optimizer, &theta, learningRate: 0.1, reevaluating: false) == 0)
        #expect(theta == [2.7, 3.6])
    }

    /// SGD at lr 0.1 on a constant gradient 1 from 0, k = 2, α = 0.5: the fast steps reach −0.1
    /// and −0.2, then θ = 0.5 · (−0.2) + 0.5 · 0 = −0.1; then −0.2 and −0.3, pulled to
    /// 0.5 · (−0.3) + 0.5 · (−0.1) = −0.2. No evaluation of its own.
    @Test func lookaheadPullsTheFastWeightsEveryKSteps() {
        let config = OptimizerConfig.lookahead(.init(k: 2, alpha: 0.5, base: .sgd(.init(lr: 0.1))))
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: .vector(1))
        var theta = [0.0]
        var points: [Double] = []
        for _ in 0..<4 {
            theta.withUnsafeMutableBufferPointer { p in
                [1.0].withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g, learningRate: 0.1) }
            }
            points.append(theta[0])
        }
        let expected = [-0.1, -0.1, -0.2, -0.2]
        #expect(zip(points, expected).allSatisfy { abs($0 - $1) < 1e-15 }, "\(points)")
    }

    /// Without `reevaluate` an L-BFGS step is one iteration with the fixed step: d = −g,
    /// t = min(1, 1/‖g‖₁) · lr = 1/7 at θ = g = (3, 4), so θ = (3 − 3/7, 4 − 4/7) = (18/7, 24/7).
    @Test func lbfgsWithoutReevaluationTakesOneFixedStep() {
        let optimizer = LBFGSHyperparameters().makeOptimizer(of: Double.self, layout: .vector(2))
        var theta = [3.0, 4.0]
        _ = Self.step(optimizer, &theta, learningRate: 1, reevaluating: false)
        #expect(abs(theta[0] - 18.0 / 7) < 1e-15 && abs(theta[1] - 24.0 / 7) < 1e-15, "\(theta)")
    }

    /// With the strong-Wolfe search on ½‖θ‖² from θ = g = (3, 4): the first trial t = 1/7 along
    /// d = −g gives θ' = (6/7) θ, whose slope −(6/7) · 25 is within 0.9 · 25 of zero, so it is
    /// accepted (the opening evaluation and one trial). The pair s = y = −θ/7 makes H = 1, the
    /// second direction is −θ' and its trial t = 1 lands on 0 (one evaluation more): 3 in all.
    /// With torch's default max_eval (max_iter · 5/4 = 2) the step stops after the first
    /// iteration, at (18/7, 24/7).
    @Test func lbfgsCountsItsEvaluations() {
        let optimizer = LBFGSHyperparameters(maxIter: 2, maxEval: 10).makeOptimizer(of: Double.self, layout: .vector(2))
        var theta = [3.0, 4.0]
        #expect(Self.step(optimizer, &theta, learningRate: 1) == 3)
        #expect(theta.allSatisfy { abs($0) < 1e-14 }, "\(theta)")
        let limited = LBFGSHyperparameters(maxIter: 2).makeOptimizer(of: Double.self, layout: .vector(2))
        var stopped = [3.0, 4.0]
        #expect(Self.step(limited, &stopped, learningRate: 1) == 2)
        #expect(abs(stopped[0] - 18.0 / 7) < 1e-15 && abs(stopped[1] - 24.0 / 7) < 1e-15, "\(stopped)")
    }

    /// torch's defaults, with the strong-Wolfe search that torch leaves off; max_eval 0 stands
    /// for torch's max_iter · 5/4.
    @Test func lbfgsListsItsDefaults() {
        let settings = LBFGSHyperparameters()
        #expect(settings.listed.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
            == "lr 1.0, max_iter 20, max_eval 0, tolerance_grad 1e-07, tolerance_change 1e-09, history_size 100, line_search strong_wolfe")
        #expect(settings.evaluationLimit == 25)
        #expect(LBFGSHyperparameters(maxIter: 7).evaluationLimit == 8)
        #expect(LBFGSHyperparameters(maxIter: 7, maxEval: 3).evaluationLimit == 3)
    }

    @Test func whoEvaluatesAgain() {
        let sgd = OptimizerConfig.sgd(.init())
        #expect(LBFGSHyperparameters().evaluatesAgain)
        #expect(SAMHyperparameters(base: sgd).evaluatesAgain)
        #expect(LookaheadHyperparameters(base: .sam(.init(base: sgd))).evaluatesAgain)
        #expect(!LookaheadHyperparameters(base: sgd).evaluatesAgain)
        #expect(!SGDHyperparameters().evaluatesAgain)
    }

    /// The base's stored form nested under `base`, keys sorted.
    @Test func wrapperStoresItsBaseNested() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sam = OptimizerConfig.sam(.init(rho: 0.1, base: .sgd(.init(lr: 0.05))))
        #expect(String(decoding: try encoder.encode(sam), as: UTF8.self)
            == #"{"sam":{"_0":{"adaptive":false,"base":{"sgd":{"_0":{"dampening":0,"lr":0.05,"momentum":0,"nesterov":false,"weightDecay":0}}},"rho":0.1}}}"#)
        #expect(try JSONDecoder().decode(OptimizerConfig.self, from: encoder.encode(sam)) == sam)
        let lookahead = OptimizerConfig.lookahead(.init(k: 3, base: .adam(.init())))
        #expect(try JSONDecoder().decode(OptimizerConfig.self, from: encoder.encode(lookahead)) == lookahead)
        #expect(lookahead.learningRate == 0.001)
    }
}
