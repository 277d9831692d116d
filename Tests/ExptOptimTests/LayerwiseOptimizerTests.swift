import ExptConfig
import ExptOptim
import ExptTestSupport
import Testing

/// ASGD, AdaBelief, LAMB, LARS and Adafactor against their references
/// (`Fixtures/reference_optimizers_layerwise.py`): float32 trajectories on a dense layer's two
/// tensors, element by element after every step, and float64 paths on the 2D functions.
struct LayerwiseOptimizerTests {
    /// In ulps of the larger of the parameter before and after the step, as
    /// `ReferenceTrajectoryTests.tolerance` (which says why not bit for bit). Measured worst
    /// case: 4.0 in "adabelief amsgrad"; 2.0 for the per-tensor rules, whose norms torch sums
    /// in another order.
    static let tolerance: Float = 4
    /// Relative tolerances of the paths, as `FunctionPathTests`.
    static let earlyTolerance = 1e-12
    static let lateTolerance = 1e-6

    static let names = ["asgd", "adabelief", "lamb", "lars", "adafactor"]
    static let stablePaths = LayerwiseFixture.shipped.paths.filter(\.stable)

    @Test(arguments: LayerwiseFixture.shipped.trajectories)
    func trajectoryMatchesReference(_ reference: LayerwiseTrajectory) {
        let config = reference.hyperparameters.config(reference.optimizer)
        #expect(config.name == reference.optimizer)
        let optimizer = config.makeOptimizer(layout: LayerwiseFixture.denseLayout)
        var theta = reference.initial
        for (index, expected) in reference.trajectory.enumerated() {
            let previous = theta
            step(optimizer, &theta, reference.gradient(theta), learningRate: Float(config.learningRate))
            expectWithinUlps(theta, expected, scale: previous, "step \(index + 1)")
            if let averages = reference.averages {
                let average = (optimizer as! ASGDOptimizer<Float>).average
                expectWithinUlps(average, averages[index], scale: previous, "average after step \(index + 1)")
            }
        }
    }

    private func expectWithinUlps(_ actual: [Float], _ expected: [Float], scale: [Float], _ label: String) {
        for i in actual.indices {
            let unit = max(abs(scale[i]), abs(expected[i])).ulp
            let error = abs(actual[i] - expected[i]) / unit
            #expect(error <= Self.tolerance, "\(label), element \(i): \(actual[i]) against \(expected[i]) (\(error) ulps)")
        }
    }

    @Test(arguments: stablePaths)
    func pathMatchesReference(_ reference: LayerwisePath) {
        let config = reference.hyperparameters.config(reference.optimizer)
        let optimizer = config.makeOptimizer(of: Double.self, parameterCount: 2)
        let kappa = LayerwiseFixture.shipped.kappa
        var theta = reference.start
        var worstLate = 0.0
        for (index, expected) in reference.path.enumerated() {
            let x = theta[0], y = theta[1]
            let gradient = reference.function == "rosenbrock" ? [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)] : [x, kappa * y]
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { gradients in
                    optimizer.step(parameters: parameters, gradients: gradients, learningRate: config.learningRate)
                }
            }
            let error = zip(theta, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
            if index < 10 {
                #expect(error <= Self.earlyTolerance, "step \(index + 1): \(theta) against \(expected)")
            } else {
                worstLate = max(worstLate, error)
            }
        }
        #expect(worstLate <= Self.lateTolerance, "after step 10: relative error up to \(worstLate)")
    }

    /// The trajectories' cases for 100 steps in double precision, on the same layout: within
    /// `earlyTolerance` (relative to max(1, |value|)) to step 10, `lateTolerance` after.
    @Test(arguments: LayerwiseFixture.shipped.layout_paths.filter(\.stable))
    func layoutPathMatchesReference(_ reference: LayerwiseLayoutPath) {
        let config = reference.hyperparameters.config(reference.optimizer)
        let optimizer = config.settings.makeOptimizer(of: Double.self, layout: LayerwiseFixture.denseLayout)
        var theta = reference.initial
        var checkpoints = zip(reference.checkpoints, reference.points).makeIterator()
        var next = checkpoints.next()
        for t in 1...reference.checkpoints.last! {
            let gradient = zip(theta, reference.offset).map { 2 * $0 + $1 }
            theta.withUnsafeMutableBufferPointer { parameters in
                gradient.withUnsafeBufferPointer { gradients in
                    optimizer.step(parameters: parameters, gradients: gradients, learningRate: config.learningRate)
                }
            }
            guard let (step, expected) = next, step == t else { continue }
            let error = zip(theta, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
            #expect(error <= (t <= 10 ? Self.earlyTolerance : Self.lateTolerance), "step \(t): relative error \(error)")
            next = checkpoints.next()
        }
        #expect(next == nil)
    }

    /// Every optimizer has trajectories and stable paths on both functions, and each moves.
    @Test func fixtureCoversEveryOptimizerAndMoves() {
        let fixture = LayerwiseFixture.shipped
        #expect(fixture.steps == 5 && fixture.path_steps == 100)
        #expect(Set(fixture.trajectories.map(\.optimizer)) == Set(Self.names))
        for function in ["rosenbrock", "quadratic"] {
            #expect(Set(Self.stablePaths.filter { $0.function == function }.map(\.optimizer)) == Set(Self.names), "\(function)")
        }
        #expect(fixture.paths.filter { !$0.stable }.isEmpty)
        #expect(fixture.layout_paths.filter { !$0.stable }.map(\.name) == ["lamb lr 0.1 weight decay"])
        for c in fixture.trajectories { #expect(c.trajectory.last! != c.initial, "\(c.name)") }
        for p in fixture.paths { #expect(zip(p.path.last!, p.start).map { abs($0 - $1) }.max()! > 0.05, "\(p.name)") }
        // ASGD's average leaves the iterate once t > t0.
        let averaged = fixture.trajectories.first { $0.name == "asgd lambd alpha t0 weight decay" }!
        #expect(averaged.averages![2] == averaged.trajectory[2])
        #expect(averaged.averages![4] != averaged.trajectory[4])
    }

    /// The fixture tells the layout apart: Adafactor keeping a full second moment for the
    /// weight (as a vector of 12) or LAMB seeing one tensor of 15 misses torch's first step.
    /// (Adafactor's factored estimate R_r C_c / mean(R) is the same for the transposed matrix,
    /// since mean(R) = mean(C), so the transposition itself cannot be seen in its results.)
    @Test(arguments: [
        ("adafactor defaults", ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<12, shape: [12]),
                                                         ParameterTensor(name: "0.bias", range: 12..<15, shape: [3])])),
        ("lamb defaults", ParameterLayout.vector(15)),
    ])
    func aWrongLayoutMissesTheReference(_ name: String, _ layout: ParameterLayout) {
        let reference = LayerwiseFixture.shipped.trajectories.first { $0.name == name }!
        let config = reference.hyperparameters.config(reference.optimizer)
        var theta = reference.initial
        step(config.makeOptimizer(layout: layout), &theta, reference.gradient(theta), learningRate: Float(config.learningRate))
        let worst = zip(theta, reference.trajectory[0]).map { abs($0 - $1) / max(abs($1), 1e-3).ulp }.max()!
        #expect(worst > 100 * Self.tolerance)
    }

    /// The defaults of the references (torch's, adabelief-pytorch 0.2.0's, optax's, with expt's
    /// lr where optax has none), as `expt list` and the report list them.
    @Test(arguments: [
        (OptimizerConfig.asgd(.init()), "lr 0.01, lambd 0.0001, alpha 0.75, t0 1000000.0, weight_decay 0.0"),
        (.adabelief(.init()), "lr 0.001, beta1 0.9, beta2 0.999, eps 1e-16, weight_decay 0.0, weight_decouple true, amsgrad false"),
        (.lamb(.init()), "lr 0.001, beta1 0.9, beta2 0.999, eps 1e-06, weight_decay 0.0001"),
        (.lars(.init()), "lr 1.0, weight_decay 0.0, trust_coefficient 0.001, eps 0.0, momentum 0.9, nesterov false"),
        (.adafactor(.init()), "lr 0.01, beta2_decay -0.8, eps1 1.1920928955078125e-07, eps2 0.001, d 1.0, weight_decay 0.0"),
    ])
    func defaultsAreTheReferences(_ config: OptimizerConfig, _ listed: String) {
        #expect(config.hyperparameters.map { "\($0.name) \($0.value)" }.joined(separator: ", ") == listed)
    }

    struct FirstStep: Sendable, CustomTestStringConvertible {
        let name: String
        let config: OptimizerConfig
        let initial: [Double]
        let gradient: [Double]
        let expected: [Double]
        var testDescription: String { name }
    }

    /// A first step of each, by hand, in double precision (one vector tensor).
    @Test(arguments: [
        // η = lr = 0.5; θ ← θ (1 − 0.5 · 0.5) − 0.5 g = [0.75 − 0.25, −1.5 + 2].
        FirstStep(name: "asgd", config: .asgd(.init(lr: 0.5, lambd: 0.5)), initial: [1, -2], gradient: [0.5, -4], expected: [0.5, 0.5]),
        // m = (1 − β₁) g, s ≈ (1 − β₂) β₁² g², so m̂ / (√s / √(1 − β₂)) = g / (β₁ |g|): θ ← θ − (0.25 / 0.5) sign(g).
        FirstStep(name: "adabelief", config: .adabelief(.init(lr: 0.25, beta1: 0.5)), initial: [1, -2], gradient: [0.5, -4],
                  expected: [0.5, -1.5]),
        // u ≈ sign(g) = [1, −1], r = ‖θ‖ / ‖u‖ = 5 / √2: θ ← θ − 0.1 (5 / √2) [1, −1].
        FirstStep(name: "lamb", config: .lamb(.init(lr: 0.1, eps: 1e-12, weightDecay: 0)), initial: [3, 4], gradient: [1, -1],
                  expected: [3 - 0.5 / 2.0.squareRoot(), 4 + 0.5 / 2.0.squareRoot()]),
        // r = 0.001 · 5 / 1: θ ← θ − 0.005 g (the momentum buffer starts at the step).
        FirstStep(name: "lars", config: .lars(.init()), initial: [3, 4], gradient: [0.6, 0.8], expected: [2.997, 3.996]),
        // v = g², u = sign(g), ‖u‖ / √2 = 1 (no clipping), α = (5 / √2) · min(0.01, 1): θ ← θ − α sign(g).
        FirstStep(name: "adafactor", config: .adafactor(.init()), initial: [3, 4], gradient: [1, -2],
                  expected: [3 - 0.05 / 2.0.squareRoot(), 4 + 0.05 / 2.0.squareRoot()]),
    ])
    func firstStepByHand(_ c: FirstStep) {
        let optimizer = c.config.makeOptimizer(of: Double.self, parameterCount: 2)
        var theta = c.initial
        theta.withUnsafeMutableBufferPointer { parameters in
            c.gradient.withUnsafeBufferPointer { gradients in
                optimizer.step(parameters: parameters, gradients: gradients, learningRate: c.config.learningRate)
            }
        }
        for (actual, expected) in zip(theta, c.expected) {
            #expect(abs(actual - expected) <= 1e-12, "\(theta) against \(c.expected)")
        }
    }
}

/// How Adafactor lays its factors over a tensor's storage, checked bit for bit against another
/// layout of the same numbers.
struct AdafactorFactoringTests {
    /// Its SIMD lines against its scalar ones: a [3, 20] matrix stored as torch stores it is
    /// updated along rows of 20 (two vectors of 8, then 4 scalars), and the same matrix stored
    /// transposed along columns of 3 (scalars only). The factored estimate is the same either
    /// way (its sums run over torch's rows and columns whatever the storage), and with the
    /// step's scale set by ε₂ (not by ‖θ‖, which is summed in storage order) and no clipping
    /// (d large), so is every bit of the result.
    @Test func rowsOfTwentyMatchColumnsOfThree() {
        let rows = 3, columns = 20
        let torchOrder = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<60, shape: [rows, columns])])
        let transposed = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<60, shape: [rows, columns],
                                                                   storedTransposed: true)])
        func transpose(_ values: [Float]) -> [Float] {
            (0..<columns).flatMap { c in (0..<rows).map { r in values[r * columns + c] } }
        }
        let config = OptimizerConfig.adafactor(.init(lr: 0.1, eps2: 10, d: 1000, weightDecay: 0.1))
        var a: [Float] = (0..<60).map { Float($0 % 7 - 3) / 4 }
        var b = transpose(a)
        let first = config.makeOptimizer(layout: torchOrder), second = config.makeOptimizer(layout: transposed)
        for t in 1...3 {
            let gradient: [Float] = (0..<60).map { Float(($0 * 5 + t) % 11) / 3 - 1.5 }
            step(first, &a, gradient, learningRate: 0.1)
            step(second, &b, transpose(gradient), learningRate: 0.1)
            #expect(transpose(a) == b, "step \(t)")
        }
        #expect(a != (0..<60).map { Float($0 % 7 - 3) / 4 })
    }

    /// torch factors a tensor of more dimensions per matrix of its last two: [2, 3, 4] is two
    /// [3, 4] matrices, each with its own factors and mean. With the scale set by ε₂ and no
    /// clipping (which are per tensor), the stack and the two matrices as tensors of their own
    /// give the same bits.
    @Test func aStackOfMatricesIsFactoredPerMatrix() {
        let stack = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<24, shape: [2, 3, 4])])
        let separate = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<12, shape: [3, 4]),
                                                 ParameterTensor(name: "1.weight", range: 12..<24, shape: [3, 4])])
        let config = OptimizerConfig.adafactor(.init(lr: 0.1, eps2: 10, d: 1000))
        let initial: [Float] = (0..<24).map { Float($0 % 5) / 4 - 0.5 }
        // The second matrix's gradients are ten times the first's: a shared mean would mix them.
        func gradient(_ t: Int) -> [Float] {
            (0..<24).map { i -> Float in Float((i * 7 + t) % 9 - 4) * (i < 12 ? 1 : 10) }
        }
        var a = initial, b = initial
        let first = config.makeOptimizer(layout: stack), second = config.makeOptimizer(layout: separate)
        for t in 1...3 {
            step(first, &a, gradient(t), learningRate: 0.1)
            step(second, &b, gradient(t), learningRate: 0.1)
            #expect(a == b, "step \(t)")
        }
        // One [6, 4] matrix instead shares the factors' mean, and moves otherwise.
        let flat = ParameterLayout(tensors: [ParameterTensor(name: "0.weight", range: 0..<24, shape: [6, 4])])
        var c = initial, d = initial
        step(config.makeOptimizer(layout: flat), &c, gradient(1), learningRate: 0.1)
        step(config.makeOptimizer(layout: stack), &d, gradient(1), learningRate: 0.1)
        #expect(c != d)
    }
}
