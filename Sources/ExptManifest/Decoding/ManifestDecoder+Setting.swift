import ExptYAML

/// Sets one value deep inside a tree, for `--set` overrides and swept settings: the value
/// replaces whatever was written at its key path (a mapping is not merged), and mappings
/// missing on the way are created. A bare optimizer or schedule name on the way is read as its
/// mapping (`optimizer: adam` as `{name: adam}`), so `optimizer.lr` can be set under it; so is
/// one of the manifest's own optimizers (`optimizers.my-adam.lr`).
extension ManifestDecoder {
    /// `tree` with `value` set at `components` (relative to `tree`, whose own key path is
    /// `path`), or nil after reporting a key path that goes through a scalar or past the end of a
    /// sequence. Problems are reported at `value`, since that is where the setting is written.
    func setting(_ value: Tree, at components: ArraySlice<KeyPath.Component>, in tree: Tree?, path: KeyPath) -> Tree? {
        guard let component = components.first else { return value }
        let rest = components.dropFirst()
        switch component {
        case .key(let key):
            var container = tree.map { ["optimizer", "schedule"].contains(path.lastKey) || path.isOwnOptimizer ? $0.expandingName() : $0 }
            if container == nil || container!.isNull {
                container = Tree(kind: .mapping([]), mark: value.mark, path: path, source: value.source)
            }
            guard var entries = container!.entries else {
                error(at: value.mark, source: value.source, path: path, "expected a mapping to set \"\(key)\" in, found \(container!.found)")
                return nil
            }
            let index = entries.firstIndex { $0.key == key }
            guard let child = setting(value, at: rest, in: index.map { entries[$0].value }, path: path.appending(key)) else { return nil }
            if let index {
                entries[index].value = child
            } else {
                entries.append(Tree.Entry(key: key, keyMark: value.mark, value: child))
            }
            container!.kind = .mapping(entries)
            return container
        case .index(let index):
            guard let tree, var items = tree.items else {
                error(at: value.mark, source: value.source, path: path, "expected a sequence to set item \(index) of, found \(tree?.found ?? "nothing")")
                return nil
            }
            guard index < items.count else {
                let range = items.isEmpty ? "an empty sequence" : "a sequence of \(items.count) (indices 0 to \(items.count - 1))"
                error(at: value.mark, source: value.source, path: path, "cannot set item \(index) of \(range)")
                return nil
            }
            guard let child = setting(value, at: rest, in: items[index], path: path.appending(index: index)) else { return nil }
            items[index] = child
            var result = tree
            result.kind = .sequence(items)
            return result
        }
    }
}

extension KeyPath {
    /// The last component, if it is a key.
    var lastKey: String? {
        if case .key(let key)? = components.last { key } else { nil }
    }

    /// Whether this is the path of one of the manifest's own optimizers (`optimizers.my-adamw`).
    var isOwnOptimizer: Bool {
        components.count == 2 && components[0] == .key("optimizers")
    }
}
