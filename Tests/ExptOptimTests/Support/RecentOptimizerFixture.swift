import ExptConfig
import ExptOptim
import ExptTestSupport
import Foundation
import Testing

/// The paths of `Fixtures/reference_optimizers_2024.json`, written by
/// `Fixtures/reference_optimizers_2024.py` from torch.optim.Muon and the `schedulefree` package.
struct RecentOptimizerFixture: Decodable {
    let torch: String
    let schedulefree: String
    let samples: Int
    let kappa: Double
    let cases: [RecentOptimizerCase]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(RecentOptimizerFixture.self, "reference_optimizers_2024.json", in: .module)
}

/// One optimizer's path on a 2D function or on a linear least-squares layer.
struct RecentOptimizerCase: Decodable, Sendable, CustomTestStringConvertible {
    /// The manifest keys the case sets (the others at their defaults).
    struct Settings: Decodable, Sendable {
        var lr: Double?
        var momentum: Double?
        var nesterov: Bool?
        var weight_decay: Double?
        var eps: Double?
        var ns_steps: Int?
        var adjust_lr_fn: String?
        var adamw_lr: Double?
        var adamw_betas: [Double]?
        var adamw_weight_decay: Double?
        var betas: [Double]?
        var warmup_steps: Int?
        var r: Double?
        var weight_lr_power: Double?
    }

    let name: String
    let optimizer: String
    let hyperparameters: Settings
    /// "rosenbrock", "quadratic", or "linear <out>x<in>".
    let problem: String
    /// "float64" or "float32".
    let dtype: String
    let stable: Bool
    /// y (the parameters while training) after each step, W row-major in torch's [out, in] then b.
    let path: [[Double]]
    /// x (the evaluation point) after each step, for schedule-free methods; empty for Muon.
    let evaluation_path: [[Double]]

    var testDescription: String { name }

    /// The settings of the case's optimizer.
    var kind: any OptimizerKind {
        let h = hyperparameters
        switch optimizer {
        case "muon":
            var muon = MuonHyperparameters()
            h.lr.map { muon.lr = $0 }
            h.momentum.map { muon.momentum = $0 }
            h.nesterov.map { muon.nesterov = $0 }
            h.weight_decay.map { muon.weightDecay = $0 }
            h.ns_steps.map { muon.nsSteps = $0 }
            h.adjust_lr_fn.map { muon.adjustLRFunction = MuonHyperparameters.LearningRateAdjustment(rawValue: $0)! }
            h.adamw_lr.map { muon.adamwLR = $0 }
            h.adamw_betas.map { (muon.adamwBeta1, muon.adamwBeta2) = ($0[0], $0[1]) }
            h.adamw_weight_decay.map { muon.adamwWeightDecay = $0 }
            return muon
        case "schedule_free_sgd":
            var sgd = ScheduleFreeSGDHyperparameters()
            h.lr.map { sgd.lr = $0 }
            h.momentum.map { sgd.momentum = $0 }
            h.weight_decay.map { sgd.weightDecay = $0 }
            h.warmup_steps.map { sgd.warmupSteps = $0 }
            h.r.map { sgd.r = $0 }
            h.weight_lr_power.map { sgd.weightLRPower = $0 }
            return sgd
        case "schedule_free_adamw":
            var adamw = ScheduleFreeAdamWHyperparameters()
            h.lr.map { adamw.lr = $0 }
            h.betas.map { (adamw.beta1, adamw.beta2) = ($0[0], $0[1]) }
            h.eps.map { adamw.eps = $0 }
            h.weight_decay.map { adamw.weightDecay = $0 }
            h.warmup_steps.map { adamw.warmupSteps = $0 }
            h.r.map { adamw.r = $0 }
            h.weight_lr_power.map { adamw.weightLRPower = $0 }
            return adamw
        default:
            fatalError("no settings for \(optimizer)")
        }
    }

    /// The linear layer's (outputs, inputs), or nil for a 2D function.
    var linearShape: (outputs: Int, inputs: Int)? {
        guard problem.hasPrefix("linear ") else { return nil }
        let sizes = problem.dropFirst("linear ".count).split(separator: "x").map { Int($0)! }
        return (sizes[0], sizes[1])
    }

    /// The tensors as expt lays them out: a linear layer's weight stored transposed ([in, out]),
    /// then its bias; a 2D function's point as one 1 × 2 matrix for Muon, else a vector.
    var layout: ParameterLayout {
        if let (outputs, inputs) = linearShape {
            let weights = outputs * inputs
            return ParameterLayout(tensors: [
                ParameterTensor(name: "0.weight", range: 0..<weights, shape: [outputs, inputs], storedTransposed: true),
                ParameterTensor(name: "0.bias", range: weights..<weights + outputs, shape: [outputs]),
            ])
        }
        return optimizer == "muon" ? ParameterLayout(tensors: [ParameterTensor(name: "0", range: 0..<2, shape: [1, 2])]) : .vector(2)
    }

    /// The start in torch's order (W row-major [out, in], then b), from the script's formulas.
    var start: [Double] {
        guard let (outputs, inputs) = linearShape else {
            return problem == "rosenbrock" ? [-1.5, 2.0] : [2.0, 1.0]
        }
        var start: [Double] = []
        for o in 0..<outputs {
            for i in 0..<inputs { start.append(Self.value(2 * o + 3 * i, modulo: 5, over: 10)) }
        }
        for o in 0..<outputs { start.append(Self.value(o, modulo: 3, over: 8)) }
        return start
    }

    /// The script's formula for the data and the start: (k mod m − ⌊m / 2⌋) / d.
    static func value(_ k: Int, modulo m: Int, over d: Double) -> Double {
        Double(k % m - m / 2) / d
    }

    /// The parameters in torch's order from expt's storage (the weight transposed back).
    func torchOrder(_ stored: [Double]) -> [Double] {
        guard let (outputs, inputs) = linearShape else { return stored }
        let weight = (0..<outputs).flatMap { o in (0..<inputs).map { i in stored[i * outputs + o] } }
        return weight + stored[(outputs * inputs)...]
    }

    /// expt's storage from torch's order.
    func storageOrder(_ torch: [Double]) -> [Double] {
        guard let (outputs, inputs) = linearShape else { return torch }
        let weight = (0..<inputs).flatMap { i in (0..<outputs).map { o in torch[o * inputs + i] } }
        return weight + torch[(outputs * inputs)...]
    }

    /// The gradient at `stored` (expt's storage order), written by hand as the script's.
    func gradient(_ stored: [Double], samples: Int, kappa: Double) -> [Double] {
        guard let (outputs, inputs) = linearShape else {
            let x = stored[0], y = stored[1]
            if problem == "rosenbrock" {
                let inner = y - x * x
                return [-2 * (1 - x) - 400 * x * inner, 200 * inner]
            }
            return [x, kappa * y]
        }
        let features = (0..<samples).map { n in (0..<inputs).map { i in Self.value(3 * n + 2 * i, modulo: 7, over: 4) } }
        let targets = (0..<samples).map { n in (0..<outputs).map { o in Self.value(5 * n + 3 * o, modulo: 9, over: 5) } }
        let bias = Array(stored[(outputs * inputs)...])
        var gradient = [Double](repeating: 0, count: stored.count)
        for n in 0..<samples {
            for o in 0..<outputs {
                var prediction = 0.0
                for i in 0..<inputs { prediction += features[n][i] * stored[i * outputs + o] }
                let residual = prediction + bias[o] - targets[n][o]
                for i in 0..<inputs { gradient[i * outputs + o] += residual * features[n][i] }
                gradient[outputs * inputs + o] += residual
            }
        }
        return gradient.map { $0 / Double(samples) }
    }
}
