import ExptConfig
import ExptData
import ExptEngine

/// The weights every run starts from, at the top level:
///
/// ```yaml
/// init: {from: weights.npz}   # optional: a PyTorch state_dict as .npz, relative to the manifest's folder
/// init: {from: weights.npz, layers: [0, 1]}   # only these layers' arrays (indices into model)
/// ```
///
/// The file is read and hashed when the manifest is decoded (its SHA-256 is part of each
/// run's id), and its arrays are checked against each variant's model where the data's shape
/// is known from its settings: an unknown array or another shape is reported at `from`.
extension ManifestDecoder {
    static let initKeys = ["from", "layers"]

    /// The weights file named by `init`, with its arrays and where it is written; nil when
    /// `init` is absent or wrong (and then reported).
    struct StartingWeights {
        var weights: InitialWeights
        var arrays: [NamedArray]
        var tree: Tree
        /// Each of `layers`, where it is written.
        var layerTrees: [Tree]
    }

    func startingWeights(_ tree: Tree) -> StartingWeights? {
        guard let fields = fields(tree, allowed: Self.initKeys), let from = fields.required("from"),
              let path = string(from) else { return nil }
        let layerTrees = fields.optional("layers").flatMap { initLayers($0) }
        if fields.optional("layers") != nil && layerTrees == nil { return nil }
        let file = keptWeights.map { DataFile(path: path, resolved: $0) } ?? DataFile(path: path, manifestPath: self.path)
        do {
            let (sha256, arrays) = try WeightsFile.read(file)
            let layers = layerTrees.map { $0.compactMap { tree -> Int? in if case .int(let layer)? = tree.scalar?.value { layer } else { nil } } }
            return StartingWeights(weights: InitialWeights(file: file, sha256: sha256, layers: layers), arrays: arrays, tree: from,
                                   layerTrees: layerTrees ?? [])
        } catch {
            self.error(from, error.description)
            return nil
        }
    }

    /// `layers: [0, 2]`: a non-empty sequence of distinct layer indices; nil when it is not one.
    private func initLayers(_ tree: Tree) -> [Tree]? {
        guard let items = tree.items, !items.isEmpty else {
            error(tree, "expected a non-empty sequence of layer indices, found \(tree.items == nil ? tree.found : "an empty sequence")")
            return nil
        }
        let start = errorCount
        var seen: Set<Int> = []
        for item in items {
            guard case .int(let layer)? = item.scalar?.value, layer >= 0 else {
                error(item, "expected a layer index (an integer from 0), found \(item.found)")
                continue
            }
            if !seen.insert(layer).inserted { error(item, "layer \(layer) is listed twice") }
        }
        return errorCount == start ? items : nil
    }

    /// Reports at `layers` an index past the model or of a layer the file has no array of, and
    /// at `from` an array of `starting` that the model has no tensor for, or of another shape,
    /// when the model's shapes are known (`input`).
    func checkStartingWeights(_ starting: StartingWeights, model: [LayerSpec], loss: LossKind, input: [Int]) {
        let start = errorCount
        for (tree, layer) in zip(starting.layerTrees, starting.weights.layers ?? []) {
            if layer >= model.count {
                let plural = model.count == 1 ? "" : "s"
                error(tree, "expected a layer index from 0 to \(model.count - 1) (the model has \(model.count) layer\(plural)), found \(layer)")
            } else if !starting.arrays.contains(where: { InitialWeights.layer(of: $0.name) == layer }) {
                error(tree, "\(starting.weights.file.path) has no array of layer \(layer)")
            }
        }
        guard errorCount == start else { return }
        var generator = SeededGenerator(seed: 0)
        let network = Network(inputShape: input, layers: model, loss: loss, maxBatchSize: 1, generator: &generator)
        do {
            try network.load(starting.weights.selected(starting.arrays))
        } catch {
            self.error(starting.tree, "\(starting.weights.file.path): \(error)")
        }
    }
}
