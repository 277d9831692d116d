import ExptYAML

/// Composition: `extends` and `--set` overrides, resolved on YAML trees before anything is
/// decoded, so every check of the manifest applies to what they bring.
///
/// ```yaml
/// extends: base.yaml               # or [a.yaml, b.yaml]: later files win, the manifest over all
/// ```
/// Paths are relative to the folder of the file that names them. A base file may extend
/// others; a file that (through others) extends itself is refused with the chain of files.
/// Overrides (`key.path=value`, the value typed by the YAML rules) then replace the value at
/// their key path, in order. An override under `variants` names a variant the manifest declares:
/// a typo must not add a variant; one below an optimizer of `optimizers` names one the manifest
/// defines (a whole new one, `optimizers.x={name: sgd}`, may be added).
extension ManifestDecoder {
    /// The files read for `extends`, in the order they were read: path and text.
    var baseFiles: [(path: String, text: String)] {
        sources.dropFirst().compactMap { source in source.text.map { (source.name, $0) } }
    }

    /// The manifest tree with its bases merged under it and the overrides applied; nil after
    /// reporting a manifest that is not a mapping.
    func composedTree(_ root: Node, overrides: [String]) -> Tree? {
        var tree = Tree(root, path: .root) { mark, path, message in error(at: mark, path: path, message) }
        guard tree.entries != nil else {
            error(tree, "expected a mapping, found \(tree.found)")
            return nil
        }
        let start = errorCount
        tree = resolvingExtends(tree, chain: [Self.normalized(path)])
        aBaseFailed = errorCount > start
        for override in overrides {
            tree = applying(override, to: tree) ?? tree
        }
        return tree
    }

    // MARK: - extends

    /// `tree` (read from the last file of `chain`) over the files its `extends` names.
    private func resolvingExtends(_ tree: Tree, chain: [String]) -> Tree {
        guard var entries = tree.entries, let index = entries.firstIndex(where: { $0.key == "extends" }) else { return tree }
        let value = entries.remove(at: index).value
        var document = tree
        document.kind = .mapping(entries)
        let names: [Tree]
        switch value.kind {
        case .scalar where value.isNull: names = []
        case .scalar: names = [value]
        case .sequence(let items): names = items
        case .mapping:
            error(value, "expected a file name or a sequence of them, found a mapping")
            return document
        }
        var base: Tree?
        for name in names {
            guard let file = string(name), let next = baseTree(file, at: name, chain: chain) else { continue }
            base = base.map { Tree.compose($0, next) } ?? next
        }
        return base.map { Tree.compose($0, document) } ?? document
    }

    /// The tree of one base file, its own bases resolved; nil after reporting a problem.
    private func baseTree(_ file: String, at name: Tree, chain: [String]) -> Tree? {
        let filePath = Self.normalized(Self.resolve(file, relativeTo: chain.last!))
        if chain.contains(filePath) {
            error(name, "extends itself: \((chain + [filePath]).joined(separator: " -> "))")
            return nil
        }
        let text: String
        if let recorded = recordedFiles[filePath] {
            text = recorded
        } else {
            switch ManifestFile.contents(ofPath: filePath, limit: YAML.Limits.default.fileSize) {
            case .success(let contents): text = contents
            case .failure(let reason):
                error(name, "cannot read \"\(filePath)\" (\(reason.description))")
                return nil
            }
        }
        let source = addSource(SourceText(name: filePath, text: text))
        let root: Node
        do {
            root = try YAML.parse(text, path: filePath)
        } catch {
            self.error(at: error.mark, source: source, path: .root, error.message)
            return nil
        }
        let tree = Tree(root, path: .root, source: source) { mark, path, message in error(at: mark, source: source, path: path, message) }
        guard tree.entries != nil else {
            error(tree, "expected a mapping of manifest settings, found \(tree.found)")
            return nil
        }
        return resolvingExtends(tree, chain: chain + [filePath])
    }

    /// `file` relative to the folder of `including`, unless it is absolute.
    static func resolve(_ file: String, relativeTo including: String) -> String {
        guard !file.hasPrefix("/"), let slash = including.lastIndex(of: "/") else { return file }
        return String(including[...slash]) + file
    }

    /// `path` without `.` components and with `dir/..` pairs removed, so one file has one name.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined.isEmpty ? "." : joined
    }

    // MARK: - --set

    /// `tree` with the override `key.path=value` applied, or nil after reporting a malformed one.
    private func applying(_ override: String, to tree: Tree) -> Tree? {
        let source = addSource(SourceText(name: "--set \(override.escapingControlCharacters())", text: nil))
        let origin = Mark(line: 1, column: 1)
        guard let equals = override.firstIndex(of: "=") else {
            error(at: origin, source: source, path: .root, "expected key.path=value, found no \"=\"")
            return nil
        }
        let keyText = String(override[..<equals])
        guard let keyPath = KeyPath(parsing: keyText) else {
            error(at: origin, source: source, path: .root, "expected a key path such as train.epochs or model[0].dense before \"=\", found \(Tree.quote(keyText))")
            return nil
        }
        let node: Node
        do {
            node = try YAML.parse(String(override[override.index(after: equals)...]), path: "--set")
        } catch {
            self.error(at: origin, source: source, path: keyPath, "the value is not valid YAML: \(error.message)")
            return nil
        }
        let value = Tree(node, path: keyPath, source: source) { mark, path, message in error(at: mark, source: source, path: path, message) }
        // A variant is never added; an own optimizer is only added whole (`optimizers.x={…}`).
        let declaredOnly = [("variants", 1, Suggestion.unknownVariant), ("optimizers", 2, Suggestion.unknownOwnOptimizer)]
        for (section, depth, message) in declaredOnly {
            if let name = Self.undeclaredName(in: keyPath, under: section, deeperThan: depth, of: tree) {
                error(at: origin, source: source, path: KeyPath.root.appending(section).appending(name.name), message(name.name, name.declared))
                return nil
            }
        }
        return setting(value, at: keyPath.components[...], in: tree, path: .root)
    }

    /// The name below `section` that `keyPath` goes through, with the names the manifest
    /// declares there, when it declares no such name and the path goes more than `depth` keys deep.
    private static func undeclaredName(in keyPath: KeyPath, under section: String, deeperThan depth: Int,
                                       of tree: Tree) -> (name: String, declared: [String])? {
        guard keyPath.components.first == .key(section), keyPath.components.count > depth,
              case .key(let name) = keyPath.components[1], let declared = tree[section]?.entries?.map(\.key),
              !declared.contains(name) else { return nil }
        return (name, declared)
    }
}
