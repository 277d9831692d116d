import ExptConfig
import ExptOptim
import Testing

/// Muon, schedule-free SGD and schedule-free AdamW against torch.optim.Muon and the
/// `schedulefree` package (`Fixtures/reference_optimizers_2024.py`): in float64 for 100 steps on
/// the 2D functions and on a linear least-squares layer (its weight stored transposed, as expt
/// stores a dense layer's, wide 3 × 4 and tall 5 × 3), and in float32 for 5 steps on the layer.
/// Schedule-free paths compare both the training point y and the evaluation point x, moving
/// there and back after every step as the 2D executor does.
struct RecentOptimizerPathTests {
    /// Float64, relative to max(1, |torch's value|), over the first 10 steps and to step 100.
    /// The script measured every case as stable (1e-15 at the start moves the path by less than
    /// 1e-13 and 1e-9); measured here: at most 1.6e-16 over all 100 steps, so the bounds leave
    /// a factor of about 100 and 10,000.
    static let earlyTolerance = 1e-14
    static let lateTolerance = 1e-12
    /// Float32, relative to max(1, |torch's value|), over 5 steps: torch's float32 products are
    /// BLAS sums in another order, and it fuses multiply-adds. Measured: at most 3.0e-8 (Muon on
    /// the 3 × 4 layer), a few float32 ulps.
    static let singleTolerance = 2e-7

    static let fixture = RecentOptimizerFixture.shipped
    static let doubleCases = fixture.cases.filter { $0.dtype == "float64" }
    static let singleCases = fixture.cases.filter { $0.dtype == "float32" }

    @Test func fixtureCoversEachOptimizerOnEachProblem() {
        #expect(Self.fixture.torch.hasPrefix("2.13"))
        #expect(Self.fixture.schedulefree == "1.4.1")
        #expect(Self.doubleCases.allSatisfy { $0.path.count == 100 && $0.stable })
        #expect(Self.singleCases.allSatisfy { $0.path.count == 5 })
        for optimizer in ["muon", "schedule_free_sgd", "schedule_free_adamw"] {
            let problems = Set(Self.doubleCases.filter { $0.optimizer == optimizer }.map(\.problem))
            #expect(problems == ["rosenbrock", "quadratic", "linear 3x4", "linear 5x3"], "\(optimizer)")
            #expect(Self.singleCases.contains { $0.optimizer == optimizer }, "\(optimizer)")
            let evaluated = Self.fixture.cases.filter { $0.optimizer == optimizer }.allSatisfy { $0.evaluation_path.count == $0.path.count }
            #expect(evaluated == (optimizer != "muon"), "\(optimizer)")
        }
    }

    @Test(arguments: doubleCases)
    func doublePathMatchesReference(_ reference: RecentOptimizerCase) {
        let optimizer = reference.kind.makeOptimizer(of: Double.self, layout: reference.layout)
        var worstLate = 0.0
        walk(reference, optimizer) { step, point, expected in
            let error = Self.relativeError(point, expected)
            if step < 10 {
                #expect(error <= Self.earlyTolerance, "step \(step + 1): \(point) against \(expected)")
            } else {
                worstLate = max(worstLate, error)
            }
        }
        #expect(worstLate <= Self.lateTolerance, "after step 10: relative error up to \(worstLate)")
    }

    @Test(arguments: singleCases)
    func singlePathMatchesReference(_ reference: RecentOptimizerCase) {
        let optimizer = reference.kind.makeOptimizer(of: Float.self, layout: reference.layout)
        walk(reference, optimizer) { step, point, expected in
            let error = Self.relativeError(point, expected)
            #expect(error <= Self.singleTolerance, "step \(step + 1): \(point) against \(expected)")
        }
    }

    /// The paths are not vacuous: each moves from its start, and x stays apart from y, by more
    /// than the late tolerance.
    @Test(arguments: fixture.cases)
    func pathsMoveAndTheEvaluationPointDiffers(_ reference: RecentOptimizerCase) {
        #expect(Self.relativeError(reference.path.last!, reference.start) > 1e-3)
        if let x = reference.evaluation_path.last {
            #expect(Self.relativeError(x, reference.path.last!) > 1e-5)
        }
    }

    /// Steps `optimizer` along `reference` and hands `check` each point in torch's order with
    /// torch's: y after every step, then (schedule-free) x, moving there and back.
    func walk<Scalar: BinaryFloatingPoint>(_ reference: RecentOptimizerCase, _ optimizer: any ParameterOptimizer<Scalar>,
                                           check: (Int, [Double], [Double]) -> Void) {
        var theta = reference.storageOrder(reference.start).map { Scalar($0) }
        let lr = reference.kind.lr
        for step in reference.path.indices {
            let gradient = reference.gradient(theta.map { Double($0) }, samples: Self.fixture.samples, kappa: Self.fixture.kappa)
                .map { Scalar($0) }
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { optimizer.step(parameters: parameters, gradients: $0, learningRate: lr) }
            }
            check(step, reference.torchOrder(theta.map { Double($0) }), reference.path[step])
            guard step < reference.evaluation_path.count else { continue }
            theta.withUnsafeMutableBufferPointer { optimizer.moveParameters($0, toEvaluation: true) }
            check(step, reference.torchOrder(theta.map { Double($0) }), reference.evaluation_path[step])
            theta.withUnsafeMutableBufferPointer { optimizer.moveParameters($0, toEvaluation: false) }
        }
    }

    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max()!
    }
}
