/// `analysis:`: measurements of the loss surface that a run makes besides training, each
/// recorded with the run (see docs/landscapes.md). Present only when a manifest asks: a run
/// without it has the canonical config JSON (and id) it always had.
public struct AnalysisConfig: Sendable, Equatable, Codable {
    /// The largest eigenvalue of the training loss's Hessian; nil measures none.
    public var sharpness: SharpnessSettings?
    /// The loss along the line from the initial to the final weights; nil measures none.
    public var interpolation: InterpolationSettings?

    public init(sharpness: SharpnessSettings? = nil, interpolation: InterpolationSettings? = nil) {
        self.sharpness = sharpness
        self.interpolation = interpolation
    }
}

extension Variant {
    /// The variant with `analysis` in its configuration and in every point of its sweep.
    func analysing(_ analysis: AnalysisConfig) -> Variant {
        var variant = self
        variant.config.analysis = analysis
        variant.sweepPoints = sweepPoints.map { point in
            var point = point
            point.config.analysis = analysis
            return point
        }
        return variant
    }
}
