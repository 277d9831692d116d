import ExptConfig
import ExptOptim
import Foundation
import Testing
import ExptTestSupport

/// The runs of `Fixtures/reference_optimizers_layerwise.json`, written by
/// `Fixtures/reference_optimizers_layerwise.py`: float32 trajectories on a dense layer's layout
/// and float64 paths on the 2D functions, for ASGD, AdaBelief, LAMB, LARS and Adafactor.
struct LayerwiseFixture: Decodable {
    let torch: String
    let steps: Int
    let path_steps: Int
    let kappa: Double
    let trajectories: [LayerwiseTrajectory]
    let layout_paths: [LayerwiseLayoutPath]
    let paths: [LayerwisePath]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(LayerwiseFixture.self, "reference_optimizers_layerwise.json", in: .module)

    /// The script's layout: a weight of torch shape [3, 4] stored transposed, then a bias [3].
    static let denseLayout = ParameterLayout(tensors: [
        ParameterTensor(name: "0.weight", range: 0..<12, shape: [3, 4], storedTransposed: true),
        ParameterTensor(name: "0.bias", range: 12..<15, shape: [3]),
    ])
}

/// The hyperparameters of a case, in the reference's names; what they leave out takes expt's
/// default (torch's, the package's or optax's).
struct LayerwiseHyperparameters: Decodable, Sendable {
    var lr: Double?
    var lambd: Double?
    var alpha: Double?
    var t0: Double?
    var weight_decay: Double?
    var betas: [Double]?
    /// One number, or Adafactor's two (torch's `eps` pair).
    var eps: [Double]?
    var amsgrad: Bool?
    var weight_decouple: Bool?
    var trust_coefficient: Double?
    var momentum: Double?
    var nesterov: Bool?
    var beta2_decay: Double?
    var d: Double?

    enum CodingKeys: String, CodingKey {
        case lr, lambd, alpha, t0, weight_decay, betas, eps, amsgrad, weight_decouple, trust_coefficient, momentum, nesterov, beta2_decay, d
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lr = try c.decodeIfPresent(Double.self, forKey: .lr)
        lambd = try c.decodeIfPresent(Double.self, forKey: .lambd)
        alpha = try c.decodeIfPresent(Double.self, forKey: .alpha)
        t0 = try c.decodeIfPresent(Double.self, forKey: .t0)
        weight_decay = try c.decodeIfPresent(Double.self, forKey: .weight_decay)
        betas = try c.decodeIfPresent([Double].self, forKey: .betas)
        eps = try (try? c.decodeIfPresent(Double.self, forKey: .eps)).map { $0.map { [$0] } } ?? c.decodeIfPresent([Double].self, forKey: .eps)
        amsgrad = try c.decodeIfPresent(Bool.self, forKey: .amsgrad)
        weight_decouple = try c.decodeIfPresent(Bool.self, forKey: .weight_decouple)
        trust_coefficient = try c.decodeIfPresent(Double.self, forKey: .trust_coefficient)
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum)
        nesterov = try c.decodeIfPresent(Bool.self, forKey: .nesterov)
        beta2_decay = try c.decodeIfPresent(Double.self, forKey: .beta2_decay)
        d = try c.decodeIfPresent(Double.self, forKey: .d)
    }

    /// These hyperparameters as the config of optimizer `name`.
    func config(_ name: String) -> OptimizerConfig {
        let b1 = betas?[0], b2 = betas?[1], wd = weight_decay
        switch name {
        case "asgd":
            let d = ASGDHyperparameters()
            return .asgd(.init(lr: lr ?? d.lr, lambd: lambd ?? d.lambd, alpha: alpha ?? d.alpha, t0: t0 ?? d.t0, weightDecay: wd ?? d.weightDecay))
        case "adabelief":
            let d = AdaBeliefHyperparameters()
            return .adabelief(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps?[0] ?? d.eps,
                                    weightDecay: wd ?? d.weightDecay, weightDecouple: weight_decouple ?? d.weightDecouple,
                                    amsgrad: amsgrad ?? d.amsgrad))
        case "lamb":
            let d = LAMBHyperparameters()
            return .lamb(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps?[0] ?? d.eps, weightDecay: wd ?? d.weightDecay))
        case "lars":
            let d = LARSHyperparameters()
            return .lars(.init(lr: lr ?? d.lr, weightDecay: wd ?? d.weightDecay, trustCoefficient: trust_coefficient ?? d.trustCoefficient,
                               eps: eps?[0] ?? d.eps, momentum: momentum ?? d.momentum, nesterov: nesterov ?? d.nesterov))
        case "adafactor":
            let defaults = AdafactorHyperparameters()
            return .adafactor(.init(lr: lr ?? defaults.lr, beta2Decay: beta2_decay ?? defaults.beta2Decay, eps1: eps?[0] ?? defaults.eps1,
                                    eps2: eps?[1] ?? defaults.eps2, d: d ?? defaults.d, weightDecay: wd ?? defaults.weightDecay))
        default:
            fatalError("unknown optimizer \(name)")
        }
    }
}

/// A float32 run on `LayerwiseFixture.denseLayout`, with the quadratic's gradient 2θ + offset.
struct LayerwiseTrajectory: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let optimizer: String
    let hyperparameters: LayerwiseHyperparameters
    let initial: [Float]
    let offset: [Float]
    /// The parameters after each step.
    let trajectory: [[Float]]
    /// ASGD's average of the iterates after each step.
    let averages: [[Float]]?

    var testDescription: String { name }

    /// The gradient at `theta`, as the script computes it.
    func gradient(_ theta: [Float]) -> [Float] { zip(theta, offset).map { 2 * $0 + $1 } }
}

/// A trajectory case again in float64 for 100 steps, the parameters recorded after the steps
/// `checkpoints`, with the script's measure of how chaotic it is.
struct LayerwiseLayoutPath: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let optimizer: String
    let hyperparameters: LayerwiseHyperparameters
    let initial: [Double]
    let offset: [Double]
    let stable: Bool
    let checkpoints: [Int]
    let points: [[Double]]

    var testDescription: String { name }
}

/// A float64 path on a 2D function, with the script's measure of how chaotic it is.
struct LayerwisePath: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let optimizer: String
    let hyperparameters: LayerwiseHyperparameters
    /// "rosenbrock" or "quadratic".
    let function: String
    let start: [Double]
    let stable: Bool
    /// The point after each step.
    let path: [[Double]]

    var testDescription: String { name }
}
