import ExptManifest

/// Loads a manifest, printing every problem to standard error and exiting with
/// ``ExitStatus/invalidManifest`` when it is invalid.
/// - Parameter recorded: the manifest is one that `expt run` recorded in a results folder,
///   whose recorded `--set` overrides are applied again.
func loadManifest(_ path: String, overrides: [String] = [], recorded: Bool = false) throws -> Experiment {
    do {
        return recorded ? try ManifestLoader.loadRecorded(path: path) : try ManifestLoader.load(path: path, overrides: overrides)
    } catch let error as ManifestError {
        printError(error.description)
        let count = error.diagnostics.count
        printError("\(count) error\(count == 1 ? "" : "s") in \(path)")
        throw ExitStatus.invalidManifest
    }
}
