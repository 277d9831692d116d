import ExptData
import ExptManifest
import ExptRunner
import ExptStore

/// Reads every data file of `experiment` in full before any training, so that a truncated or
/// corrupt one stops the command at once (exit code 1) and nothing is written; returns the
/// cache the runs then load their data into, each setting when its first run starts, and the
/// record of the files that the results folder keeps (``RecordedData``).
func checkedData(for experiment: Experiment) throws -> (cache: DataCache, record: RecordedData) {
    do {
        return (DataCache(), try RecordedData.reading(experiment))
    } catch {
        printError("error: \(error)")
        throw ExitStatus.runtimeError
    }
}
