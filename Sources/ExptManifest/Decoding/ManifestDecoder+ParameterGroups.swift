import ExptOptim

/// `param_groups`: layers with their own optimizer, as torch's param_groups.
///
/// ```yaml
/// param_groups:
///   - layers: [2]                          # 0-based indices into `model` (or one integer)
///     optimizer: {name: adam, lr: 1.0e-3}  # another optimizer: replaces the run's entirely
///   - layers: [0, 1]
///     optimizer: {lr: 0.05}                # no name, or the same name: merged over the run's optimizer
/// ```
/// Each layer is in at most one group; the layers of no group use the run's optimizer. A
/// variant's `param_groups` replaces the top-level one (it is a sequence).
extension ManifestDecoder {
    static let parameterGroupKeys = ["layers", "optimizer"]

    /// - Parameters:
    ///   - layerCount: the number of layers of the run's model.
    ///   - optimizer: the run's optimizer as a mapping, over which a group's optimizer is merged.
    func parameterGroups(_ tree: Tree, layerCount: Int, optimizer: Tree?) -> [ParameterGroup]? {
        guard let items = tree.items else {
            error(tree, "expected a sequence of parameter groups, found \(tree.found)")
            return nil
        }
        let start = errorCount
        var groups: [ParameterGroup] = []
        var owner: [Int: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let fields = fields(item, allowed: Self.parameterGroupKeys) else { continue }
            let layers = fields.required("layers").flatMap { layerIndices($0, layerCount: layerCount, group: index, owner: &owner) }
            let config = fields.required("optimizer").flatMap { optimizerTree($0) }.flatMap { tree in
                optimizerConfig(Tree.mergeOptimizer(optimizer, tree) ?? tree).flatMap { checkGroupOptimizer($0, at: tree) ? $0 : nil }
            }
            if let layers, let config { groups.append(ParameterGroup(layers: layers, optimizer: config)) }
        }
        return errorCount == start ? groups : nil
    }

    /// `layers: [0, 2]` or `layers: 1`: indices of layers of the model, none already in a group.
    private func layerIndices(_ tree: Tree, layerCount: Int, group: Int, owner: inout [Int: Int]) -> [Int]? {
        let items: [Tree]
        switch tree.kind {
        case .scalar: items = [tree]
        case .sequence(let list) where !list.isEmpty: items = list
        case .sequence: error(tree, "expected at least one layer index, found an empty sequence"); return nil
        case .mapping: error(tree, "expected a layer index or a sequence of them, found a mapping"); return nil
        }
        let start = errorCount
        var layers: [Int] = []
        for item in items {
            guard case .int(let layer)? = item.scalar?.value, layer >= 0, layer < layerCount else {
                let plural = layerCount == 1 ? "" : "s"
                error(item, "expected a layer index from 0 to \(layerCount - 1) (the model has \(layerCount) layer\(plural)), found \(item.found)")
                continue
            }
            if let first = owner[layer] {
                error(item, "layer \(layer) is already in param_groups[\(first)]")
                continue
            }
            owner[layer] = group
            layers.append(layer)
        }
        return errorCount == start ? layers : nil
    }
}
