import ExptConfig
import ExptOptim
import Testing

/// Every optimizer against torch.optim (Lion against the script's torch port), element by
/// element after every step, in float32.
struct ReferenceTrajectoryTests {
    /// How far expt may be from torch, in units in the last place of the larger of the parameter
    /// before and after the step (the scale of the operands, so that an element passing near zero
    /// is not judged by the spacing of floats at zero).
    ///
    /// Why not bit-exact: torch's CPU kernels are compiled with fused multiply-add (its
    /// `add(_, alpha:)`, `lerp` and `addcmul` round once where expt rounds twice), its float32
    /// `sqrt` goes through MKL and is not always correctly rounded, and it keeps the learning rate
    /// as a double where `Optimizer.step` takes a Float. With fused multiply-add in SGD.swift, SGD
    /// matched torch bit for bit; but without FMA in the baseline x86-64 target, `addingProduct`
    /// is a call to `fmaf` per element, which made SGD's step 2.5 times slower, so expt keeps
    /// separate multiplies and adds. Measured worst case over these trajectories: 4.0, at step 5 of
    /// "rmsprop momentum" (3.5 for SGD and Adam), where the momentum buffer carries each step's
    /// rounding difference into the next.
    static let tolerance: Float = 4

    @Test func fixtureComesFromTorchInFloat32() {
        let fixture = ReferenceFixture.shipped
        #expect(fixture.dtype == "float32")
        #expect(!fixture.torch.isEmpty)
        #expect(fixture.cases.count >= 10)
    }

    @Test(arguments: ReferenceFixture.shipped.cases)
    func trajectoryMatchesTorch(_ reference: ReferenceCase) {
        let config = reference.config
        #expect(config.name == reference.optimizer)
        let optimizer = config.makeOptimizer(parameterCount: reference.initial.count)
        #expect(Self.kind(of: optimizer) == reference.optimizer)
        var theta = reference.initial
        for (step, expected) in reference.trajectory.enumerated() {
            let previous = theta
            let gradient = reference.gradient(step: step, theta: theta)
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { gradients in
                    optimizer.step(parameters: parameters, gradients: gradients, learningRate: config.learningRate)
                }
            }
            for i in theta.indices {
                let scale = max(abs(previous[i]), abs(expected[i]))
                let error = abs(theta[i] - expected[i]) / scale.ulp
                #expect(error <= Self.tolerance,
                        "step \(step + 1), element \(i): \(theta[i]) against torch's \(expected[i]) (\(error) ulps of \(scale))")
            }
        }
    }

    /// The manifest name of the optimizer's type, to check that a case really ran the optimizer
    /// it names (AdamW is Adam with decoupled weight decay).
    static func kind(of optimizer: any Optimizer) -> String {
        switch optimizer {
        case is RuleOptimizer<SGDHyperparameters, Float>: "sgd"
        case is RuleOptimizer<AdamHyperparameters, Float>: "adam"
        case is RuleOptimizer<AdamWHyperparameters, Float>: "adamw"
        case is RuleOptimizer<AdagradHyperparameters, Float>: "adagrad"
        case is RuleOptimizer<RMSpropHyperparameters, Float>: "rmsprop"
        case is RuleOptimizer<AdadeltaHyperparameters, Float>: "adadelta"
        case is RuleOptimizer<NAdamHyperparameters, Float>: "nadam"
        case is RuleOptimizer<RAdamHyperparameters, Float>: "radam"
        case is RuleOptimizer<AdamaxHyperparameters, Float>: "adamax"
        case is RuleOptimizer<LionHyperparameters, Float>: "lion"
        case is RuleOptimizer<RpropHyperparameters, Float>: "rprop"
        default: "unknown"
        }
    }

    /// Every optimizer has cases.
    @Test func fixtureCoversEveryOptimizer() {
        let names = Set(ReferenceFixture.shipped.cases.map(\.optimizer))
        #expect(names == ["sgd", "adam", "adamw", "adagrad", "rmsprop", "adadelta", "nadam", "radam", "adamax", "lion", "rprop"])
    }

    /// The fixture cannot pass by accident: every case moves its parameters, and the AMSGrad
    /// case's gradients do make its running maximum differ from plain Adam's second moment.
    @Test func fixtureCasesAreNotVacuous() {
        let cases = ReferenceFixture.shipped.cases
        for c in cases { #expect(c.trajectory.last! != c.initial, "\(c.name)") }
        let amsgrad = cases.first { $0.name == "adam amsgrad" }!
        let plain = cases.first { $0.name == "adam without amsgrad, same gradients" }!
        #expect(amsgrad.trajectory.last! != plain.trajectory.last!)
    }
}
