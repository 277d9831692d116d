import ExptManifest
import ExptStore

/// The columns that name a run in metrics.csv and summary.csv: `run_id` (the id of its
/// folder in `runs/`), `variant`, `seed`, then one column per swept setting, named by its key
/// path below the variant (`optimizer.lr`), in order of first appearance, empty for a run
/// outside that sweep. `(run_id)` alone is unique per run; the swept columns let a sweep's
/// points be told apart without parsing ids.
///
/// A swept `train.batch_size` holds the number of examples of a batch, a full batch's too
/// (the training examples after the split), so that the column is numeric.
struct RunKeyColumns {
    let sweptKeyPaths: [String]
    /// The training examples of a run's data after the splits, when known.
    let trainingCount: (DataConfig) -> Int?

    init(records: [RunRecord], trainingCount: @escaping (DataConfig) -> Int?) {
        var seen: Set<String> = []
        sweptKeyPaths = records.flatMap { $0.spec.sweep.map(\.keyPath) }.filter { seen.insert($0).inserted }
        self.trainingCount = trainingCount
    }

    static let batchSizeKeyPath = "train.batch_size"

    var header: [String] {
        ["run_id", "variant", "seed"] + sweptKeyPaths
    }

    func cells(_ spec: RunSpec) -> [String] {
        let values = Dictionary(spec.sweep.map { ($0.keyPath, $0.value) }, uniquingKeysWith: { first, _ in first })
        return [spec.id, spec.variant, "\(spec.seed)"] + sweptKeyPaths.map { keyPath in
            guard values[keyPath] != nil else { return "" }
            return keyPath == Self.batchSizeKeyPath ? batchSize(spec.config) : values[keyPath] ?? ""
        }
    }

    /// The examples of one batch: the number set, or for a full batch the training examples;
    /// empty for a 2D test function (no examples) or when the count is unknown.
    func batchSize(_ config: RunConfig) -> String {
        if config.data.dataset.isTestFunction { return "" }
        switch config.train.batchSize {
        case .size(let size): return "\(size)"
        case .full: return CSV.number(trainingCount(config.data))
        }
    }
}
