/// `analysis.interpolate`: the loss along the straight line θ(α) = (1 − α) θ₀ + α θ₁ from a run's
/// initial weights θ₀ to its final weights θ₁ (Goodfellow et al. 2015), at `points` values of α
/// evenly spaced from `from` to `to`, both included (α < 0 and α > 1 look beyond the ends).
public struct InterpolationSettings: Sendable, Equatable, Codable {
    /// Values of α, at least 2. Default 25.
    public var points: Int
    /// The first α. Default −0.5.
    public var from: Double
    /// The last α, greater than `from`. Default 1.5.
    public var to: Double

    public static let defaultPoints = 25
    public static let defaultFrom = -0.5
    public static let defaultTo = 1.5

    public init(points: Int = InterpolationSettings.defaultPoints, from: Double = InterpolationSettings.defaultFrom,
                to: Double = InterpolationSettings.defaultTo) {
        self.points = points
        self.from = from
        self.to = to
    }

    /// The values of α, in order: from + (to − from) i / (points − 1) for i = 0…points − 1.
    public var alphas: [Double] {
        (0..<points).map { from + (to - from) * Double($0) / Double(points - 1) }
    }
}
