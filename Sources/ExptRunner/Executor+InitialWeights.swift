import ExptData
import ExptEngine
import ExptManifest

extension Executor {
    /// Overwrites the network's initialisation with the weights `initial` names; returns why
    /// it could not: the file is unreadable, it no longer has the bytes the run's id records,
    /// or it does not fit the model (which the manifest checks where the data's shape is known
    /// from its settings).
    static func load(_ initial: InitialWeights, into network: Network) -> String? {
        do {
            let (sha256, arrays) = try WeightsFile.read(initial.file)
            guard sha256 == initial.sha256 else {
                return "\(initial.file.path): the file's SHA-256 is \(sha256), the run's settings record \(initial.sha256)"
            }
            try network.load(initial.selected(arrays))
            return nil
        } catch let error as WeightsError {
            return error.description
        } catch {
            return "\(initial.file.path): \(error)"
        }
    }
}
