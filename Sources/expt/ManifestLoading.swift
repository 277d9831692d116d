import ExptManifest
import ExptStore

/// Loads a manifest, printing every problem to standard error and exiting with
/// ``ExitStatus/invalidManifest`` when it is invalid.
/// - Parameter recordedData: given for a manifest that `expt run` recorded in a results folder,
///   whose recorded `--set` overrides are applied again and whose data files are known by
///   this record instead of being read.
func loadManifest(_ path: String, overrides: [String] = [], recordedData: RecordedData? = nil) throws -> Experiment {
    do {
        guard let recordedData else { return try ManifestLoader.load(path: path, overrides: overrides) }
        return try ManifestLoader.loadRecorded(path: path, recordedData: { recordedData.entry(for: $0)?.summary })
    } catch let error as ManifestError {
        printError(error.description)
        let count = error.count
        printError("\(count) error\(count == 1 ? "" : "s") in \(path)")
        throw ExitStatus.invalidManifest
    }
}
