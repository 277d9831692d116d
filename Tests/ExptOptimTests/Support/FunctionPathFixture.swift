import ExptConfig
import Foundation
import Testing
import ExptTestSupport

/// The paths of `Fixtures/reference_functions.json`, written by
/// `Fixtures/reference_functions.py` from torch.optim in float64.
struct FunctionPathFixture: Decodable {
    let torch: String
    let dtype: String
    let steps: Int
    let kappa: Double
    let cases: [FunctionPathCase]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(FunctionPathFixture.self, "reference_functions.json", in: .module)
}

/// One optimizer's path on a 2D function, with the script's measure of how chaotic it is.
struct FunctionPathCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let optimizer: String
    let hyperparameters: ReferenceCase.Hyperparameters
    /// "rosenbrock" or "quadratic".
    let function: String
    let start: [Double]
    /// How far the path moves when the start moves by 1e-15 (relative, see the script).
    let divergence_first_10_steps: Double
    let divergence_at_last_step: Double
    let stable: Bool
    /// The point after each step.
    let path: [[Double]]

    var testDescription: String { name }

    /// The gradient at `theta`, in the order of operations of the script.
    func gradient(_ theta: [Double], kappa: Double) -> [Double] {
        let x = theta[0], y = theta[1]
        switch function {
        case "rosenbrock":
            let inner = y - x * x
            return [-2 * (1 - x) - 400 * x * inner, 200 * inner]
        case "quadratic":
            return [x, kappa * y]
        default:
            fatalError("unknown function \(function)")
        }
    }
}
