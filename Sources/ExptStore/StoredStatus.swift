import ExptData
import ExptManifest

/// A run's `status.json`: how it ended, and the checksums of the files written before it.
///
/// It is written last, so a run folder without a valid status did not finish. The checksums
/// (SHA-256 of each file's bytes) catch files changed, cut short or swapped afterwards; the
/// status's own `checksum` does the same for it (see ``sealed()``).
struct StoredStatus: Codable, Equatable {
    /// `complete`, `diverged`, `failed` or `interrupted`.
    var status: String
    /// Why a failed run failed.
    var reason: String?
    /// The step a diverged or interrupted run stopped at.
    var step: Int?
    /// Wall-clock seconds of the run.
    var seconds: Double
    /// When the run ended, ISO 8601 in UTC to the second.
    var finished: String
    var exptVersion: String
    var numericsVersion: Int
    var runID: String
    /// Epochs recorded in metrics.csv.
    var epochs: Int
    /// The final model's loss and accuracy on the test set, when the run has one.
    var test: TestMetrics?
    /// Where `train.early_stop` ended a complete run early; absent otherwise, so the status of
    /// every other run keeps its bytes.
    var earlyStop: EarlyStopOutcome?
    /// File name to SHA-256 of its bytes, for every other file of the run folder.
    var files: [String: String]
    /// SHA-256 of the store's JSON text of this status without its checksum. Optional only to
    /// decode a status without one, which ``RunStore`` then refuses: a checksum left out would
    /// otherwise let an edited status pass.
    var checksum: String?

    enum CodingKeys: String, CodingKey {
        case status, reason, step, seconds, finished, epochs, test, files, checksum
        case earlyStop = "early_stop"
        case exptVersion = "expt_version"
        case numericsVersion = "numerics_version"
        case runID = "run_id"
    }

    init(record: RunRecord, finished: String, files: [String: String]) {
        switch record.status {
        case .complete: status = "complete"
        case .diverged(let step): status = "diverged"; self.step = step
        case .failed(let reason): status = "failed"; self.reason = reason
        case .interrupted(let step): status = "interrupted"; self.step = step
        }
        seconds = record.seconds
        self.finished = finished
        exptVersion = ExptVersion.current
        numericsVersion = NumericsVersion.current
        runID = record.spec.id
        epochs = record.epochs.count
        test = record.test
        earlyStop = record.earlyStop
        self.files = files
    }

    /// The store's JSON text of this status without its checksum.
    private func unsealedText() throws -> String {
        var unsealed = self
        unsealed.checksum = nil
        return try StoreCoding.json(unsealed)
    }

    /// The status with its checksum, as it is stored.
    func sealed() throws -> StoredStatus {
        var sealed = self
        sealed.checksum = SHA256.hex(of: try unsealedText())
        return sealed
    }

    /// Whether the status has a checksum and matches it. Decoding then encoding gives the same
    /// text whatever the stored text's spacing: the numbers are written with enough digits to
    /// read back the same.
    var matchesChecksum: Bool {
        guard let checksum else { return false }
        return (try? SHA256.hex(of: unsealedText())) == checksum
    }

    /// The ``RunStatus`` it records, or nil when the fields do not make one.
    var runStatus: RunStatus? {
        switch (status, step, reason) {
        case ("complete", nil, nil): .complete
        case ("diverged", let step?, nil): .diverged(step: step)
        case ("failed", nil, let reason?): .failed(reason: reason)
        case ("interrupted", let step?, nil): .interrupted(step: step)
        default: nil
        }
    }
}
