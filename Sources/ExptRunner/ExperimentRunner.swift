import ExptManifest

/// Trains every run of an experiment, one after another, and reports each as it ends
/// (see `ExperimentRunner+Store.swift`: runs are stored as they end, and stored runs are reused).
///
/// Runs are independent: one that diverges or fails ends alone with its status, and the
/// others go on.
public struct ExperimentRunner: Sendable {
    let executor = Executor()

    public init() {}
}
