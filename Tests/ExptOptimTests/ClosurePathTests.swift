import ExptConfig
import ExptOptim
import Testing

/// L-BFGS, SAM and Lookahead in double precision on Rosenbrock, on a quadratic of condition
/// number 100 and on a least-squares linear model, against torch (`torch.optim.LBFGS`, and the
/// reference implementations of SAM and Lookahead ported to torch ops) in float64, 100 steps
/// each (`Fixtures/reference_optimizers_closure.py`). The step gets the gradient at the current
/// point and a `reevaluate` that evaluates the function again where the parameters then are.
struct ClosurePathTests {
    static let earlyTolerance = 1e-12
    static let lateTolerance = 1e-6

    static let stableCases = ClosurePathFixture.shipped.cases.filter(\.stable)

    @Test func fixtureComesFromTorchInFloat64() {
        let fixture = ClosurePathFixture.shipped
        #expect(fixture.dtype == "float64")
        #expect(fixture.steps == 100)
        #expect(fixture.cases.allSatisfy { $0.path.count == 100 && $0.evaluations.count == 100 })
    }

    /// Each optimizer keeps stable cases on the three functions; the unstable ones are those the
    /// script's docstring names.
    @Test func stableCasesCoverEveryOptimizerOnEveryFunction() {
        for function in ["rosenbrock", "quadratic", "least_squares"] {
            let covered = Set(Self.stableCases.filter { $0.function == function }.map(\.optimizer))
            #expect(covered == ["lbfgs", "sam", "lookahead"], "\(function)")
        }
        let unstable = ClosurePathFixture.shipped.cases.filter { !$0.stable }.map(\.name)
        #expect(unstable == ["lbfgs on rosenbrock (line_search_fn strong_wolfe)",
                             "sam on least_squares (rho 0.05, base sgd lr 0.1)"])
    }

    @Test(arguments: stableCases)
    func pathMatchesTorch(_ reference: ClosurePathCase) {
        let fixture = ClosurePathFixture.shipped
        let config = reference.config
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: reference.layout)
        var theta = reference.start
        var gradient = [Double](repeating: 0, count: theta.count)
        var worstLate = 0.0
        for (index, expected) in reference.path.enumerated() {
            var reevaluations = 0
            theta.withUnsafeMutableBufferPointer { buffer in
                let parameters = buffer
                gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                    let gradients = gradientBuffer
                    let write = { () -> Double in
                        let (loss, values) = reference.lossAndGradient(Array(parameters), fixture: fixture)
                        for i in values.indices { gradients[i] = values[i] }
                        return loss
                    }
                    _ = write()
                    optimizer.step(parameters: parameters, gradients: UnsafeBufferPointer(gradients), learningRate: config.learningRate,
                                   reevaluate: { reevaluations += 1; return write() })
                }
            }
            // torch's count includes the gradient the executor takes before the step, except
            // L-BFGS's, whose first evaluation in a step is its own `reevaluate`.
            let ownEvaluations = reference.optimizer == "lbfgs" ? reevaluations : reevaluations + 1
            #expect(ownEvaluations == reference.evaluations[index], "step \(index + 1)")
            let error = zip(theta, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
            if index < 10 {
                #expect(error <= Self.earlyTolerance, "step \(index + 1): \(theta) against torch's \(expected)")
            } else {
                worstLate = max(worstLate, error)
            }
        }
        #expect(worstLate <= Self.lateTolerance, "after step 10: relative error up to \(worstLate)")
    }

    /// The paths are not vacuous: every stable case moves away from its start.
    @Test(arguments: stableCases)
    func pathMoves(_ reference: ClosurePathCase) {
        let moved = zip(reference.path.last!, reference.start).map { abs($0 - $1) }.max()!
        #expect(moved > 1e-3, "moved by \(moved)")
    }
}
