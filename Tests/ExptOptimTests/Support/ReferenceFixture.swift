import ExptConfig
import ExptOptim
import Foundation
import Testing
import ExptTestSupport

/// The trajectories of `Fixtures/reference_optimizers.json`, written by
/// `Fixtures/reference_optimizers.py` from torch.optim in float32.
struct ReferenceFixture: Decodable {
    let torch: String
    let dtype: String
    let cases: [ReferenceCase]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(ReferenceFixture.self, "reference_optimizers.json", in: .module)
}

/// One optimizer run: hyperparameters in torch's names, a gradient source, and the
/// parameters after each step.
struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Hyperparameters: Decodable, Sendable {
        var lr: Double?
        var momentum: Double?
        var dampening: Double?
        var nesterov: Bool?
        var weight_decay: Double?
        var betas: [Double]?
        var eps: Double?
        var amsgrad: Bool?
        var lr_decay: Double?
        var initial_accumulator_value: Double?
        var alpha: Double?
        var centered: Bool?
        var rho: Double?
        var momentum_decay: Double?
        var decoupled_weight_decay: Bool?
        var etas: [Double]?
        var step_sizes: [Double]?
    }

    struct Gradient: Decodable, Sendable {
        /// "quadratic": g = 2 θ + offset, in float32; "sequence": values[step].
        let kind: String
        let offset: [Float]?
        let values: [[Float]]?
    }

    let name: String
    let optimizer: String
    let hyperparameters: Hyperparameters
    let gradient: Gradient
    let initial: [Float]
    let trajectory: [[Float]]

    var testDescription: String { name }

    /// The case's optimizer in expt's terms, with the defaults of expt's types (which
    /// `OptimizerConfigTests` checks against torch's) for what the case leaves out.
    var config: OptimizerConfig {
        hyperparameters.config(optimizer)
    }

    /// The gradient at `step` (from 0) for parameters `theta`, computed as the generator does.
    func gradient(step: Int, theta: [Float]) -> [Float] {
        switch gradient.kind {
        case "quadratic": zip(theta, gradient.offset!).map { 2 * $0 + $1 }
        case "sequence": gradient.values![step % gradient.values!.count]
        default: fatalError("unknown gradient kind \(gradient.kind)")
        }
    }
}
