import ExptData
import ExptManifest
import ExptStore
import Foundation

/// Copies the weights file `init.from` names into the results folder, as
/// `weights/<sha256>.npz` (``RecordedManifest/keptWeightsPath(sha256:)``), which the recorded
/// manifest names: `expt report` then decodes the manifest without the original file. A file
/// whose bytes changed since the manifest was read is refused.
func keepInitialWeights(of experiment: Experiment, in folder: ResultsFolder) throws(StoreError) {
    var kept: Set<String> = []
    for weights in experiment.runs.compactMap(\.config.initialWeights) where kept.insert(weights.sha256).inserted {
        guard let bytes = FileManager.default.contents(atPath: weights.file.resolved).map(Array.init),
              SHA256.hex(of: bytes) == weights.sha256 else {
            throw StoreError("\(weights.file.path): the file cannot be read, or its bytes changed since the manifest was read")
        }
        let path = folder.file(RecordedManifest.keptWeightsPath(sha256: weights.sha256))
        try StoreFile.makeDirectory((path as NSString).deletingLastPathComponent)
        do {
            try AtomicWrite.write(bytes: bytes, to: path)
        } catch {
            throw StoreError(error.description)
        }
    }
}
