import ExptConfig
import ExptData
import ExptEngine

/// The weights every run starts from, at the top level:
///
/// ```yaml
/// init: {from: weights.npz}   # optional: a PyTorch state_dict as .npz, relative to the manifest's folder
/// ```
///
/// The file is read and hashed when the manifest is decoded (its SHA-256 is part of each
/// run's id), and its arrays are checked against each variant's model where the data's shape
/// is known from its settings: an unknown array or another shape is reported at `from`.
extension ManifestDecoder {
    static let initKeys = ["from"]

    /// The weights file named by `init`, with its arrays and where it is written; nil when
    /// `init` is absent or wrong (and then reported).
    struct StartingWeights {
        var weights: InitialWeights
        var arrays: [NamedArray]
        var tree: Tree
    }

    func startingWeights(_ tree: Tree) -> StartingWeights? {
        guard let fields = fields(tree, allowed: Self.initKeys), let from = fields.required("from"),
              let path = string(from) else { return nil }
        let file = keptWeights.map { DataFile(path: path, resolved: $0) } ?? DataFile(path: path, manifestPath: self.path)
        do {
            let (sha256, arrays) = try WeightsFile.read(file)
            return StartingWeights(weights: InitialWeights(file: file, sha256: sha256), arrays: arrays, tree: from)
        } catch {
            self.error(from, error.description)
            return nil
        }
    }

    /// Reports at `from` an array of `starting` that the model has no tensor for, or of
    /// another shape, when the model's shapes are known (`input`).
    func checkStartingWeights(_ starting: StartingWeights, model: [LayerSpec], loss: LossKind, input: [Int]) {
        var generator = SeededGenerator(seed: 0)
        let network = Network(inputShape: input, layers: model, loss: loss, maxBatchSize: 1, generator: &generator)
        do {
            try network.load(starting.arrays)
        } catch {
            self.error(starting.tree, "\(starting.weights.file.path): \(error)")
        }
    }
}
