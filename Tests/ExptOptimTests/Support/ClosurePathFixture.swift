import ExptConfig
import ExptOptim
import ExptTestSupport
import Foundation
import Testing

/// The paths of `Fixtures/reference_optimizers_closure.json`, written by
/// `Fixtures/reference_optimizers_closure.py` with torch in float64: L-BFGS, SAM and Lookahead.
struct ClosurePathFixture: Decodable {
    let dtype: String
    let steps: Int
    let kappa: Double
    let data_x: [[Double]]
    let data_y: [Double]
    let cases: [ClosurePathCase]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(ClosurePathFixture.self, "reference_optimizers_closure.json", in: .module)
}

/// One run: the optimizer (with its base for a wrapper), the function, the points after each
/// step and how many times torch evaluated the loss in each step.
struct ClosurePathCase: Decodable, Sendable, CustomTestStringConvertible {
    /// The optimizer's own settings, in torch's (or the reference implementation's) names.
    struct Settings: Decodable, Sendable {
        var lr: Double?
        var max_iter: Int?
        var history_size: Int?
        var line_search_fn: String?
        var rho: Double?
        var adaptive: Bool?
        var k: Int?
        var alpha: Double?
    }

    let name: String
    let optimizer: String
    let hyperparameters: Settings
    let base: String?
    let base_hyperparameters: ReferenceCase.Hyperparameters
    /// "rosenbrock", "quadratic" or "least_squares".
    let function: String
    let start: [Double]
    let stable: Bool
    let evaluations: [Int]
    let path: [[Double]]

    var testDescription: String { name }

    /// expt's config of the case's optimizer (L-BFGS without `line_search_fn` has none, as in torch).
    var config: OptimizerConfig {
        let h = hyperparameters
        switch optimizer {
        case "lbfgs":
            let d = LBFGSHyperparameters()
            return .lbfgs(.init(lr: h.lr ?? d.lr, maxIter: h.max_iter ?? d.maxIter, historySize: h.history_size ?? d.historySize,
                                lineSearch: h.line_search_fn == "strong_wolfe" ? .strongWolfe : .none))
        case "sam":
            return .sam(.init(rho: h.rho!, adaptive: h.adaptive ?? false, base: base_hyperparameters.config(base!)))
        case "lookahead":
            return .lookahead(.init(k: h.k!, alpha: h.alpha!, base: base_hyperparameters.config(base!)))
        default:
            fatalError("unknown optimizer \(optimizer)")
        }
    }

    /// The parameters' tensors: the least-squares model's weights and bias, or one vector.
    var layout: ParameterLayout {
        guard function == "least_squares" else { return .vector(2) }
        return ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<3, shape: [1, 3]),
                                         ParameterTensor(name: "0.bias", range: 3..<4, shape: [1])])
    }

    /// The loss and the gradient at `theta`, in the order of operations of the script.
    func lossAndGradient(_ theta: [Double], fixture: ClosurePathFixture) -> (loss: Double, gradient: [Double]) {
        switch function {
        case "rosenbrock":
            let x = theta[0], y = theta[1]
            let inner = y - x * x
            return ((1 - x) * (1 - x) + 100 * inner * inner, [-2 * (1 - x) - 400 * x * inner, 200 * inner])
        case "quadratic":
            let x = theta[0], y = theta[1]
            return ((x * x + fixture.kappa * y * y) / 2, [x, fixture.kappa * y])
        case "least_squares":
            let n = Double(fixture.data_y.count)
            var loss = 0.0, gradient = [0.0, 0.0, 0.0, 0.0]
            for (row, target) in zip(fixture.data_x, fixture.data_y) {
                let r = row[0] * theta[0] + row[1] * theta[1] + row[2] * theta[2] + theta[3] - target
                loss += r * r
                for j in 0..<3 { gradient[j] += r * row[j] }
                gradient[3] += r
            }
            return (loss / n, gradient.map { 2 * $0 / n })
        default:
            fatalError("unknown function \(function)")
        }
    }
}
