import ExptYAML

/// How a variant's settings are laid over the top-level ones, at the level of YAML values:
/// mappings merge key by key, recursively; scalars and sequences replace; a null (or absent)
/// value in the variant keeps the top-level one.
extension Tree {
    static func merge(_ base: Tree?, _ override: Tree?) -> Tree? {
        guard let override, !override.isNull else { return base }
        guard let base, !base.isNull else { return override }
        guard let baseEntries = base.entries, let overrideEntries = override.entries else { return override }
        var entries = baseEntries
        for entry in overrideEntries {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index].value = merge(entries[index].value, entry.value) ?? entry.value
            } else {
                entries.append(entry)
            }
        }
        // The merged mapping is reported (a missing key, say) where the top-level one is written.
        return Tree(kind: .mapping(entries), mark: base.mark, path: base.path, source: base.source)
    }

    /// Merges optimizers: as ``merge(_:_:)`` when the variant keeps the top-level optimizer (it
    /// names the same one, or none), but a variant that names another optimizer replaces the
    /// top-level one entirely, so no hyperparameter of one leaks into the other. A `chain`
    /// counts as a name of its own: a chain and a named optimizer replace each other, two chains
    /// merge (the variant's list replaces the top-level one, `lr` is kept). A wrapper's `base` is
    /// merged by the same rule.
    static func mergeOptimizer(_ base: Tree?, _ override: Tree?) -> Tree? {
        if let kind = override?.optimizerKind, let baseKind = base?.optimizerKind, kind != baseKind {
            return override
        }
        guard let merged = merge(base, override), var entries = merged.entries,
              let innerBase = base?["base"], let innerOverride = override?["base"],
              let index = entries.firstIndex(where: { $0.key == "base" }) else { return merge(base, override) }
        entries[index].value = mergeOptimizer(innerBase.expandingName(), innerOverride.expandingName()) ?? innerOverride
        return Tree(kind: .mapping(entries), mark: merged.mark, path: merged.path, source: merged.source)
    }

    /// What an optimizer (or schedule) mapping names: `chain` for a chain, otherwise its `name`.
    private var optimizerKind: OptimizerKindName? {
        if self["chain"] != nil { return .chain }
        return self["name"]?.name.map(OptimizerKindName.named)
    }

    private enum OptimizerKindName: Equatable {
        case chain
        case named(String)
    }

    /// Merges data settings: as ``merge(_:_:)``, but when the variant names another dataset only
    /// `validation` and `seed` are kept from the top level, since the other keys belong to the
    /// top-level dataset (`test` and `normalize`, which belong to the split, are kept too).
    static func mergeData(_ base: Tree?, _ override: Tree?) -> Tree? {
        guard let base, let baseEntries = base.entries,
              let name = override?["dataset"]?.name, let baseName = base["dataset"]?.name, name != baseName
        else { return merge(base, override) }
        let kept = baseEntries.filter { ["validation", "test", "normalize", "seed"].contains($0.key) }
        return merge(Tree(kind: .mapping(kept), mark: base.mark, path: base.path, source: base.source), override)
    }

    /// `optimizer: adam` as `optimizer: {name: adam}` (a schedule's alike): the name keeps its
    /// own mark and key path.
    func expandingName() -> Tree {
        guard scalar != nil, !isNull else { return self }
        return Tree(kind: .mapping([Entry(key: "name", keyMark: mark, value: self)]), mark: mark, path: path, source: source)
    }
}
