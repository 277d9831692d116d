/// One point of the loss along the line θ(α) = (1 − α) θ₀ + α θ₁ from a run's initial weights θ₀
/// to its final weights θ₁ (`analysis.interpolate`): α, the mean training loss and the mean
/// validation loss there (nil without a validation set, and for a 2D test function, which is
/// its own loss). Stored as the columns `alpha,train_loss,val_loss` of the run's landscape.csv.
public struct LandscapePoint: Sendable, Equatable, Codable {
    public var alpha: Double
    public var trainLoss: Double
    public var validationLoss: Double?

    enum CodingKeys: String, CodingKey {
        case alpha
        case trainLoss = "train_loss"
        case validationLoss = "val_loss"
    }

    public init(alpha: Double, trainLoss: Double, validationLoss: Double? = nil) {
        self.alpha = alpha
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
    }
}
