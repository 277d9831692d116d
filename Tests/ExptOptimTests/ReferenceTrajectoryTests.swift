import ExptOptim
import Testing

/// SGD and Adam against torch.optim, element by element after every step.
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
    /// separate multiplies and adds. Measured worst case over these trajectories: 3.5.
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
        #expect(reference.optimizer == "sgd" ? optimizer is SGD : optimizer is Adam)
        var theta = reference.initial
        for (step, expected) in reference.trajectory.enumerated() {
            let previous = theta
            let gradient = reference.gradient(step: step, theta: theta)
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { gradients in
                    optimizer.step(parameters: parameters, gradients: gradients, learningRate: Float(config.learningRate))
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
