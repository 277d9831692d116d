import ExptData
import ExptManifest
import ExptRunner

/// Reads every data file of `experiment` in full before any training, so that a truncated or
/// corrupt one stops the command at once (exit code 1) and nothing is written.
func preloadedData(_ experiment: Experiment) throws -> DataCache {
    let data = DataCache()
    do {
        try data.preload(experiment)
    } catch {
        printError("error: \(error)")
        throw ExitStatus.runtimeError
    }
    return data
}
