/// The final model measured once on the test set, after the last epoch.
public struct TestMetrics: Sendable, Equatable, Codable {
    /// Mean loss over the test examples.
    public var loss: Double
    /// Share of test examples classified correctly, or nil for regression.
    public var accuracy: Double?

    public init(loss: Double, accuracy: Double?) {
        self.loss = loss
        self.accuracy = accuracy
    }
}
