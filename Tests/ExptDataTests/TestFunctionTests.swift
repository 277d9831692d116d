import ExptData
import Testing

struct TestFunctionTests {
    struct Point: Sendable, CustomTestStringConvertible {
        let function: TestFunction
        let x: Double, y: Double
        let value: Double
        let gradient: (x: Double, y: Double)
        var testDescription: String { "\(function) at (\(x), \(y))" }
    }

    /// Values and gradients by hand (κ = 10 for the quadratic).
    @Test(arguments: [
        // (1 − x)² + 100 (y − x²)²: 2.5² + 100 · (−0.25)² = 6.25 + 6.25; ∂x = −2 · 2.5 − 400 · (−1.5)(−0.25) = −155, ∂y = 200 · (−0.25).
        Point(function: .rosenbrock, x: -1.5, y: 2, value: 12.5, gradient: (-155, -50)),
        Point(function: .rosenbrock, x: 1, y: 1, value: 0, gradient: (0, 0)),
        // a = 1.5 − 1 + 1 = 1.5, b = 2.25 − 1 + 1 = 2.25, c = 2.625 − 1 + 1 = 2.625 at (1, 1):
        // f = 2.25 + 5.0625 + 6.890625; ∂x = 0 (every y^k − 1 = 0), ∂y = 2a + 4b + 6c = 3 + 9 + 15.75.
        Point(function: .beale, x: 1, y: 1, value: 14.203125, gradient: (0, 27.75)),
        Point(function: .beale, x: 3, y: 0.5, value: 0, gradient: (0, 0)),
        // a = x² + y − 11 = −11, b = x + y² − 7 = −7 at (0, 0): f = 121 + 49; ∂x = 2b = −14, ∂y = 2a = −22.
        Point(function: .himmelblau, x: 0, y: 0, value: 170, gradient: (-14, -22)),
        Point(function: .himmelblau, x: 3, y: 2, value: 0, gradient: (0, 0)),
        // ½ (4 + 10 · 1) = 7; gradient (x, κ y).
        Point(function: .quadratic, x: 2, y: 1, value: 7, gradient: (2, 10)),
        // 1 − 4; gradient (2x, −2y).
        Point(function: .saddle, x: 1, y: 2, value: -3, gradient: (2, -4)),
    ])
    func valueAndGradientByHand(_ p: Point) {
        #expect(p.function.value(x: p.x, y: p.y, conditionNumber: 10) == p.value)
        let g = p.function.gradient(x: p.x, y: p.y, conditionNumber: 10)
        #expect(g.x == p.gradient.x && g.y == p.gradient.y, "\(g)")
    }

    /// The analytic gradients agree with central finite differences (h = 1e-6) at points off the
    /// minima, within 1e-6 relative.
    @Test(arguments: TestFunction.allCases)
    func gradientMatchesFiniteDifferences(_ function: TestFunction) {
        let h = 1e-6, kappa = 25.0
        for (x, y) in [(-1.2, 1.0), (0.3, -0.7), (2.5, 1.5), (-3.0, -2.0)] {
            let g = function.gradient(x: x, y: y, conditionNumber: kappa)
            let dx = (function.value(x: x + h, y: y, conditionNumber: kappa) - function.value(x: x - h, y: y, conditionNumber: kappa)) / (2 * h)
            let dy = (function.value(x: x, y: y + h, conditionNumber: kappa) - function.value(x: x, y: y - h, conditionNumber: kappa)) / (2 * h)
            #expect(abs(g.x - dx) <= 1e-6 * max(1, abs(dx)), "∂x at (\(x), \(y)): \(g.x) against \(dx)")
            #expect(abs(g.y - dy) <= 1e-6 * max(1, abs(dy)), "∂y at (\(x), \(y)): \(g.y) against \(dy)")
        }
    }

    @Test func settingsDefaultToTheFunctionsStart() throws {
        let settings = FunctionSettings(function: .rosenbrock)
        #expect(settings.start == [-1.5, 2.0])
        #expect(DatasetConfig(settings).name == "rosenbrock")
        #expect(DatasetConfig(settings).settings.map(\.value) == ["[-1.5, 2.0]"])
        let quadratic = DatasetConfig(FunctionSettings(function: .quadratic, start: [1, -1], conditionNumber: 100))
        #expect(quadratic.settings.map { "\($0.name) \($0.value)" } == ["start [1.0, -1.0]", "condition_number 100.0"])
        #expect(try quadratic.load(seed: 0).examples.count == 0 && quadratic.sampleCount == 0)
    }
}
