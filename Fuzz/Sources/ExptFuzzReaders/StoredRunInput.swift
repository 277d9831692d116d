import ExptData
import ExptManifest
import ExptStore
import Glibc

/// A stored run's three files, separated in the input by lines `=====`: status.json,
/// config.json, metrics.csv. So that the fuzzer gets past the checksums, `@config.json`,
/// `@metrics.csv` and `@run_id` in the status are replaced by the SHA-256 of the other two files
/// and by the run's id, and a config.json of `@canonical` by the run's own settings. The
/// folder is then loaded as the report loads it (`RunStore.load`).
struct StoredRunInput {
    let status: String
    let config: String
    let metrics: String

    /// The run whose folder the input is: the first of a two-epoch spirals experiment.
    static let spec: RunSpec = {
        let manifest = """
            name: fuzz
            data: {dataset: spirals, samples: 40}
            model: [{dense: 4, activation: relu}, {dense: 2}]
            loss: cross_entropy
            train: {epochs: 2, batch_size: 8}
            optimizer: {name: sgd, lr: 0.1}
            variants: {sgd: {}}
            """
        do {
            return try ManifestLoader.decode(text: manifest, path: "fuzz.yaml").runs[0]
        } catch {
            fatalError("the fuzzer's own manifest is invalid: \(error)")
        }
    }()

    init(_ input: [UInt8]) {
        let parts = String(decoding: input, as: UTF8.self).split(separator: "\n=====\n", maxSplits: 2, omittingEmptySubsequences: false)
        status = String(parts[0])
        config = parts.count > 1 ? String(parts[1]) : ""
        metrics = parts.count > 2 ? String(parts[2]) : ""
    }

    func read() {
        let spec = Self.spec
        let config = config == "@canonical" ? spec.canonicalJSON() : config
        let status = status.replacing("@config.json", with: SHA256.hex(of: config))
            .replacing("@metrics.csv", with: SHA256.hex(of: metrics)).replacing("@run_id", with: spec.id)
        let store = RunStore(directory: ScratchFolder.path + "/runs")
        mkdir(store.directory, 0o700)
        mkdir(store.folder(of: spec), 0o700)
        for (name, text) in [("status.json", status), ("config.json", config), ("metrics.csv", metrics)] {
            _ = ScratchFolder.write(Array(text.utf8), "runs/\(spec.id)/\(name)")
        }
        _ = store.load(spec)
    }
}
