/// What a manifest's `report:` asks the results folder to hold beyond the report itself.
/// None of it changes a run: it is not part of any run's settings, nor of its id.
public struct ReportSettings: Sendable, Equatable {
    /// Write TensorBoard event files: live while the runs train, and rebuilt from the stored
    /// runs by `expt report` (docs/tensorboard.md).
    public var tensorboard: Bool

    public init(tensorboard: Bool = false) {
        self.tensorboard = tensorboard
    }
}
