import ExptEngine

/// `model`: a non-empty sequence of layers, input to output.
///
/// ```yaml
/// model:
///   - dense: 32          # required: units, 1…100000
///     activation: relu   # identity | relu | tanh | sigmoid; default identity
///     init: he           # he | xavier | zeros; default he after relu, xavier otherwise
/// ```
extension ManifestDecoder {
    static let layerKeys = ["dense", "activation", "init"]
    static let maximumUnits = 100_000

    struct DecodedModel {
        var layers: [LayerSpec]
        /// The units of the last layer, as written: where a mismatch with the classes is shown.
        var lastUnits: Tree?
    }

    func model(_ tree: Tree) -> DecodedModel? {
        guard let items = tree.items else {
            error(tree, "expected a sequence of layers, found \(tree.found)")
            return nil
        }
        guard !items.isEmpty else {
            error(tree, "expected at least one layer, found an empty sequence")
            return nil
        }
        let start = errorCount
        var layers: [LayerSpec] = []
        var lastUnits: Tree?
        for item in items {
            guard let fields = fields(item, allowed: Self.layerKeys) else { continue }
            let unitsTree = fields.required("dense")
            let units = unitsTree.flatMap { integer($0, 1...Self.maximumUnits) }
            let activation = fields.optional("activation").map { choice($0, "activation", article: "an", Self.options(Activation.self)) } ?? .identity
            let initializer = fields.optional("init").flatMap { choice($0, "initializer", article: "an", Self.options(Initializer.self)) }
            // A bad `init` is reported above and fails the model through `errorCount`.
            if let units, let activation {
                layers.append(.dense(DenseSpec(units: units, activation: activation, initializer: initializer)))
            }
            lastUnits = unitsTree
        }
        guard errorCount == start else { return nil }
        return DecodedModel(layers: layers, lastUnits: lastUnits)
    }
}
