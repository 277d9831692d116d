import ExptData
import ExptManifest
import Synchronization

/// The data of an experiment's runs, loaded (generated or read), split and normalised once per
/// distinct ``DataConfig`` and shared by every run that uses it, instead of once per run.
///
/// Safe to use from several threads: a lock guards the table, and a load happens under it, so
/// two runs asking for the same data at once still load it once.
public final class DataCache: Sendable {
    private struct State {
        var entries: [DataConfig: Result<DataSplits, DataFileError>] = [:]
        var loads = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The splits of `config`, loaded on first use; a file problem is kept and returned again.
    public func splits(for config: DataConfig) -> Result<DataSplits, DataFileError> {
        state.withLock { state in
            if let cached = state.entries[config] { return cached }
            let result = Result { () throws(DataFileError) in
                DataSplits(try config.dataset.load(seed: config.seed), validationFraction: config.validation,
                           testFraction: config.test, seed: config.seed, normalization: config.normalize,
                           valueRange: config.dataset.valueRange)
            }
            state.entries[config] = result
            state.loads += 1
            return result
        }
    }

    /// How many data configurations have been loaded so far.
    public var loads: Int {
        state.withLock { $0.loads }
    }

    /// Loads the data of every run of `experiment` (each distinct configuration once, in the
    /// order of first use), before any training; throws the first file problem.
    public func preload(_ experiment: Experiment) throws(DataFileError) {
        // Every run, not every variant: a sweep may set the data of each of its points.
        for spec in experiment.runs {
            if case .failure(let problem) = splits(for: spec.config.data) { throw problem }
        }
    }
}
