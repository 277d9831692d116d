import ExptOptim
import Testing

/// Every optimizer in double precision on Rosenbrock and on a quadratic of condition number
/// 100, against torch.optim run on float64 tensors (`Fixtures/reference_functions.py`).
///
/// Only the paths the script measured as stable are compared: moving the start by 1e-15 moves
/// them by less than 1e-13 over the first 10 steps and less than 1e-9 at step 100. Chaotic ones
/// (NAdam at lr 0.05 and RAdam at lr 0.05 on Rosenbrock) would amplify the last-bit differences
/// of a correct implementation beyond any useful tolerance.
struct FunctionPathTests {
    /// Relative tolerance over the first 10 steps, and after them (to step 100): the error of a
    /// coordinate is divided by max(1, |torch's value|).
    static let earlyTolerance = 1e-12
    static let lateTolerance = 1e-6

    static let stableCases = FunctionPathFixture.shipped.cases.filter(\.stable)

    @Test func fixtureComesFromTorchInFloat64() {
        let fixture = FunctionPathFixture.shipped
        #expect(fixture.dtype == "float64")
        #expect(fixture.steps == 100)
        #expect(fixture.cases.allSatisfy { $0.path.count == 100 })
    }

    /// Every optimizer keeps stable cases on both functions, and only the two chaotic settings
    /// named above are left out.
    @Test func stableCasesCoverEveryOptimizerOnBothFunctions() {
        let all = ["sgd", "adam", "adamw", "adagrad", "rmsprop", "adadelta", "nadam", "radam", "adamax", "lion"]
        for function in ["rosenbrock", "quadratic"] {
            let covered = Set(Self.stableCases.filter { $0.function == function }.map(\.optimizer))
            #expect(covered == Set(all), "\(function)")
        }
        let unstable = FunctionPathFixture.shipped.cases.filter { !$0.stable }.map(\.name)
        #expect(unstable == ["nadam on rosenbrock (lr 0.05)", "radam on rosenbrock (lr 0.05)"])
    }

    @Test(arguments: stableCases)
    func pathMatchesTorch(_ reference: FunctionPathCase) {
        let config = reference.hyperparameters.config(reference.optimizer)
        let optimizer = config.makeOptimizer(of: Double.self, parameterCount: 2)
        let kappa = FunctionPathFixture.shipped.kappa
        var theta = reference.start
        var worstLate = 0.0
        for (index, expected) in reference.path.enumerated() {
            let gradient = reference.gradient(theta, kappa: kappa)
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { gradients in
                    optimizer.step(parameters: parameters, gradients: gradients, learningRate: config.learningRate)
                }
            }
            let error = zip(theta, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
            if index < 10 {
                #expect(error <= Self.earlyTolerance, "step \(index + 1): \(theta) against torch's \(expected)")
            } else {
                worstLate = max(worstLate, error)
            }
        }
        #expect(worstLate <= Self.lateTolerance, "after step 10: relative error up to \(worstLate)")
    }

    /// The paths are not vacuous: every stable case moves away from its start by more than the
    /// late tolerance, so an optimizer that did nothing would fail.
    @Test(arguments: stableCases)
    func pathMoves(_ reference: FunctionPathCase) {
        let last = reference.path.last!
        let moved = zip(last, reference.start).map { abs($0 - $1) }.max()!
        #expect(moved > 1e-3, "moved by \(moved)")
    }
}
