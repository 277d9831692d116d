import ExptOptim
import Foundation
import Testing

/// The trajectories of `Fixtures/reference_optimizers.json`, written by
/// `Fixtures/reference_optimizers.py` from torch.optim in float32.
struct ReferenceFixture: Decodable {
    let torch: String
    let dtype: String
    let cases: [ReferenceCase]

    /// The fixture shipped with the tests.
    static let shipped: ReferenceFixture = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/reference_optimizers.json")
        do {
            return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
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

    /// The case's optimizer in expt's terms, with torch's defaults for what the case leaves out.
    var config: OptimizerConfig {
        let h = hyperparameters
        switch optimizer {
        case "sgd":
            return .sgd(SGDHyperparameters(lr: h.lr ?? 0.001, momentum: h.momentum ?? 0, dampening: h.dampening ?? 0,
                                           nesterov: h.nesterov ?? false, weightDecay: h.weight_decay ?? 0))
        case "adam":
            let betas = h.betas ?? [0.9, 0.999]
            return .adam(AdamHyperparameters(lr: h.lr ?? 0.001, beta1: betas[0], beta2: betas[1], eps: h.eps ?? 1e-8,
                                             weightDecay: h.weight_decay ?? 0, amsgrad: h.amsgrad ?? false))
        default:
            fatalError("unknown optimizer \(optimizer)")
        }
    }

    /// The gradient at `step` (from 0) for parameters `theta`, computed as the generator does.
    func gradient(step: Int, theta: [Float]) -> [Float] {
        switch gradient.kind {
        case "quadratic": zip(theta, gradient.offset!).map { 2 * $0 + $1 }
        case "sequence": gradient.values![step]
        default: fatalError("unknown gradient kind \(gradient.kind)")
        }
    }
}
