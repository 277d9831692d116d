/// One point of an optimizer's path over a 2D test function: the parameters (x, y) after
/// `step` steps (step 0 is the start), the function's value there, and the learning rate of
/// the step that reached it (nil at the start; stored as the column `lr`).
public struct TrajectoryPoint: Sendable, Equatable, Codable {
    public var step: Int
    public var x: Double
    public var y: Double
    public var f: Double
    public var learningRate: Double?

    enum CodingKeys: String, CodingKey {
        case step, x, y, f
        case learningRate = "lr"
    }

    public init(step: Int, x: Double, y: Double, f: Double, learningRate: Double? = nil) {
        self.step = step
        self.x = x
        self.y = y
        self.f = f
        self.learningRate = learningRate
    }
}
