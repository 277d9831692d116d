import ExptData
import ExptManifest
import Synchronization

/// The data of an experiment's runs, loaded (generated or read), split and normalised once per
/// distinct ``DataConfig`` and shared by every run that uses it, instead of once per run, and
/// kept only while runs still need it.
///
/// A batch says which runs are to come (``expect(_:)``) and which are done with their data
/// (``release(_:)``): a configuration is loaded when its first run asks for it, and dropped
/// when its last expected run is released, so a command holds the data of the runs in
/// flight, not of every run it will train. Data asked for without being expected (a run
/// trained alone) is kept for the cache's life.
///
/// Safe to use from several threads: a lock guards the table, and a load happens under it, so
/// two runs asking for the same data at once still load it once.
public final class DataCache: Sendable {
    private struct State {
        var entries: [DataConfig: Result<DataSplits, DataFileError>] = [:]
        /// How many expected runs have not yet been released, by configuration.
        var expected: [DataConfig: Int] = [:]
        var loads = 0
        var peakEntries = 0
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
                           valueRange: config.dataset.valueRange, inOrder: config.dataset.kind.splitsInOrder)
                    .withNoise(labelFraction: config.labelNoise ?? 0, inputDeviation: config.inputNoise ?? 0, seed: config.seed)
            }
            state.entries[config] = result
            state.loads += 1
            state.peakEntries = max(state.peakEntries, state.entries.count)
            return result
        }
    }

    /// Counts `runs` as runs to come: the data of each stays once loaded until each is released.
    public func expect(_ runs: some Sequence<RunSpec>) {
        state.withLock { state in
            for spec in runs { state.expected[spec.config.data, default: 0] += 1 }
        }
    }

    /// Counts `runs`, expected by ``expect(_:)``, as done with their data (trained, or never to
    /// be trained); a configuration none of whose expected runs remains is dropped.
    public func release(_ runs: some Sequence<RunSpec>) {
        state.withLock { state in
            for spec in runs {
                let config = spec.config.data
                guard let remaining = state.expected[config] else { continue }
                if remaining > 1 {
                    state.expected[config] = remaining - 1
                } else {
                    state.expected[config] = nil
                    state.entries[config] = nil
                }
            }
        }
    }

    /// How many data configurations have been loaded so far (a configuration dropped and
    /// asked for again counts twice).
    public var loads: Int {
        state.withLock { $0.loads }
    }

    /// How many data configurations the cache holds now.
    public var entries: Int {
        state.withLock { $0.entries.count }
    }

    /// The most data configurations the cache has held at once.
    public var peakEntries: Int {
        state.withLock { $0.peakEntries }
    }
}
