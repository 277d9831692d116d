/// A classic two-dimensional test function of optimization, computed in double precision with
/// its analytic gradient.
public enum TestFunction: String, CaseIterable, Sendable, Codable {
    /// f = (1 − x)² + 100 (y − x²)²: a curved, narrow valley; minimum 0 at (1, 1).
    case rosenbrock
    /// f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat plateaus and steep
    /// walls; minimum 0 at (3, 0.5).
    case beale
    /// f = (x² + y − 11)² + (x + y² − 7)²: four minima of value 0, at (3, 2), (−2.805118, 3.131312),
    /// (−3.779310, −3.283186) and (3.584428, −1.848126).
    case himmelblau
    /// f = ½ (x² + κ y²): a bowl whose curvatures differ by the condition number κ; minimum 0 at (0, 0).
    case quadratic
    /// f = x² − y²: a saddle at (0, 0), unbounded below along y.
    case saddle

    /// The value at (x, y); `conditionNumber` is κ of the quadratic, unused by the others.
    public func value(x: Double, y: Double, conditionNumber: Double) -> Double {
        switch self {
        case .rosenbrock:
            let inner = y - x * x
            return (1 - x) * (1 - x) + 100 * inner * inner
        case .beale:
            let (a, b, c) = bealeTerms(x: x, y: y)
            return a * a + b * b + c * c
        case .himmelblau:
            let (a, b) = (x * x + y - 11, x + y * y - 7)
            return a * a + b * b
        case .quadratic:
            return 0.5 * (x * x + conditionNumber * y * y)
        case .saddle:
            return x * x - y * y
        }
    }

    /// The gradient (∂f/∂x, ∂f/∂y) at (x, y).
    public func gradient(x: Double, y: Double, conditionNumber: Double) -> (x: Double, y: Double) {
        switch self {
        case .rosenbrock:
            let inner = y - x * x
            return (-2 * (1 - x) - 400 * x * inner, 200 * inner)
        case .beale:
            let (a, b, c) = bealeTerms(x: x, y: y)
            let dx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
            let dy = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y
            return (dx, dy)
        case .himmelblau:
            let (a, b) = (x * x + y - 11, x + y * y - 7)
            return (4 * a * x + 2 * b, 2 * a + 4 * b * y)
        case .quadratic:
            return (x, conditionNumber * y)
        case .saddle:
            return (2 * x, -2 * y)
        }
    }

    /// f(x, y), for listings.
    public var formula: String {
        switch self {
        case .rosenbrock: "(1 − x)² + 100 (y − x²)²"
        case .beale: "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
        case .himmelblau: "(x² + y − 11)² + (x + y² − 7)²"
        case .quadratic: "½ (x² + κ y²)"
        case .saddle: "x² − y²"
        }
    }

    /// The start used when a manifest gives none: a customary one, away from the minimum.
    public var defaultStart: (x: Double, y: Double) {
        switch self {
        case .rosenbrock: (-1.5, 2.0)
        case .beale: (1.0, 1.5)
        case .himmelblau: (0.0, 0.0)
        case .quadratic: (2.0, 1.0)
        case .saddle: (1.0, 0.001)
        }
    }

    private func bealeTerms(x: Double, y: Double) -> (Double, Double, Double) {
        (1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y)
    }
}
