/// How a manifest is laid over the files it extends: by the rules of variants over the top
/// level (``Tree/merge(_:_:)``, ``Tree/mergeOptimizer(_:_:)``, ``Tree/mergeData(_:_:)``),
/// key by key, variant by variant, and the manifest's own optimizers one by one (as optimizers).
extension Tree {
    /// `document` laid over `base`; both are whole manifests (or variants). The result keeps
    /// `document`'s own position, so that a problem of the whole (a missing key) is shown in it.
    static func compose(_ base: Tree, _ document: Tree) -> Tree {
        guard let baseEntries = base.entries, let entries = document.entries else { return document }
        var merged = baseEntries
        for entry in entries {
            guard let index = merged.firstIndex(where: { $0.key == entry.key }) else {
                merged.append(entry)
                continue
            }
            merged[index].value = composeSetting(entry.key, merged[index].value, entry.value)
        }
        var result = document
        result.kind = .mapping(merged)
        return result
    }

    private static func composeSetting(_ key: String, _ base: Tree, _ value: Tree) -> Tree {
        switch key {
        case "optimizer", "schedule":
            return mergeOptimizer(base.expandingName(), value.expandingName()) ?? value
        case "data":
            return mergeData(base, value) ?? value
        case "train", "clip", "compare":
            return merge(base, value) ?? value
        case "optimizers":
            guard let baseOptimizers = base.entries, let optimizers = value.entries else { return value.isNull ? base : value }
            var merged = baseOptimizers
            for optimizer in optimizers {
                if let index = merged.firstIndex(where: { $0.key == optimizer.key }) {
                    merged[index].value = mergeOptimizer(merged[index].value.expandingName(), optimizer.value.expandingName()) ?? optimizer.value
                } else {
                    merged.append(optimizer)
                }
            }
            var result = value
            result.kind = .mapping(merged)
            return result
        case "variants":
            guard !value.isNull, let baseVariants = base.entries, let variants = value.entries else { return merge(base, value) ?? value }
            var merged = baseVariants
            for variant in variants {
                if let index = merged.firstIndex(where: { $0.key == variant.key }) {
                    let old = merged[index].value
                    merged[index].value = old.isNull ? variant.value : variant.value.isNull ? old : compose(old, variant.value)
                } else {
                    merged.append(variant)
                }
            }
            var result = value
            result.kind = .mapping(merged)
            return result
        default:
            return value.isNull ? base : value
        }
    }
}
