import ExptManifest

/// Loads a manifest, printing every problem to standard error and exiting with
/// ``ExitStatus/invalidManifest`` when it is invalid.
func loadManifest(_ path: String, overrides: [String] = []) throws -> Experiment {
    do {
        return try ManifestLoader.load(path: path, overrides: overrides)
    } catch let error as ManifestError {
        printError(error.description)
        let count = error.diagnostics.count
        printError("\(count) error\(count == 1 ? "" : "s") in \(path)")
        throw ExitStatus.invalidManifest
    }
}
