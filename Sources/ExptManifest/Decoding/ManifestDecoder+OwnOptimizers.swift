import ExptOptim
import ExptYAML

/// `optimizers`: the manifest's own optimizers. Each is a new name for an optimizer written as
/// `optimizer:` takes it, used wherever a built-in optimizer's name is (the top level, variants,
/// parameter groups, sweeps, `--set`).
///
/// ```yaml
/// optimizers:
///   my-adamw: {name: adamw, weight_decay: 0.1, betas: [0.9, 0.95]}
///   my-adamw-fast: {name: my-adamw, lr: 0.01}       # may build on another of the manifest's own
/// variants:
///   a: {optimizer: my-adamw}
///   b: {optimizer: {name: my-adamw, lr: 3.0e-4}}     # keys at the use override the definition's
/// ```
/// A use resolves to the built-in at the end of its chain of names: the keys written at the use
/// are laid over the definition's (as a variant's over the top-level optimizer), that over the
/// definition it names, and so on. The run stores that built-in with its hyperparameters, so its
/// id is the id of the same optimizer written out. A name is 1 to 100 ASCII letters, digits, `-`
/// and `_`, starting with a letter (no `.`: key paths split at it); it may not be a built-in's,
/// and a chain of names may not come back to itself. A manifest has at most
/// ``ManifestDecoder/maximumOwnOptimizers`` of them, and each definition is resolved once
/// (``OwnOptimizers``), so that resolving costs one lookup per use.
extension ManifestDecoder {
    /// An optimizer mapping with the manifest's own names followed to a built-in one.
    struct ResolvedOptimizer {
        /// The mapping that names the built-in optimizer (or an unknown name, reported when decoded).
        var tree: Tree
        /// The manifest's own name written at the use; nil for a built-in's name.
        var ownName: String?
    }

    /// The longest name of a manifest's own optimizer.
    static let maximumOptimizerNameLength = 100
    /// The most optimizers a manifest may name itself.
    static let maximumOwnOptimizers = 100

    /// Reads `optimizers:` into ``ownOptimizers`` (before any optimizer is decoded), then decodes
    /// each definition on its own, so that a mistake in one that no variant uses is reported too.
    /// A name that a built-in optimizer has is reported and left out: uses of it mean the built-in.
    func readOwnOptimizers(_ tree: Tree?) {
        guard let tree else { return }
        guard let entries = tree.entries else {
            error(tree, "expected a mapping of optimizer names to optimizers, found \(tree.found)")
            return
        }
        guard entries.count <= Self.maximumOwnOptimizers else {
            error(tree, "expected at most \(Self.maximumOwnOptimizers) optimizers of the manifest's own, found \(entries.count)")
            return
        }
        for entry in entries {
            let nameTree = Tree(kind: .scalar(Scalar(entry.key)), mark: entry.keyMark, path: entry.path, source: entry.keySource)
            guard ownOptimizerName(nameTree, entry.key), let definition = optimizerTree(entry.value) else { continue }
            ownOptimizers.add(entry.key, definition)
        }
        for name in ownOptimizers.names {
            _ = ownOptimizers.definitions[name].map { optimizerConfig($0) }
        }
    }

    /// Whether `name` may name one of the manifest's own optimizers: false for a built-in's name
    /// (reported); a name of other characters is reported, and kept so that its uses resolve.
    private func ownOptimizerName(_ tree: Tree, _ name: String) -> Bool {
        if OptimizerRegistry.kind(named: name) != nil {
            error(tree, "optimizer \(Tree.quote(name)) is built in; give the manifest's own optimizer another name, such as \"my-\(name)\"")
            return false
        }
        let scalars = name.unicodeScalars
        let valid = scalars.count <= Self.maximumOptimizerNameLength && scalars.first.map(Self.isASCIILetter) == true
            && scalars.allSatisfy { Self.isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !valid {
            error(tree, "expected an optimizer name of 1 to \(Self.maximumOptimizerNameLength) letters, digits, '-' and '_', starting with a letter, found \(tree.found)")
        }
        return true
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// `tree` (an optimizer mapping) with the manifest's own names followed to a built-in one,
    /// or nil after reporting a cycle.
    func resolvingOwnOptimizer(_ tree: Tree) -> ResolvedOptimizer? {
        guard let name = tree["name"]?.name, ownOptimizers.contains(name) else { return ResolvedOptimizer(tree: tree, ownName: nil) }
        guard let definition = resolvedDefinition(name) else { return nil }
        return ResolvedOptimizer(tree: Self.layingUse(tree, over: definition), ownName: name)
    }

    /// The definition of the own optimizer `name` with its chain of own names followed, each
    /// definition laid over the one it names; nil after reporting a cycle. Every definition on
    /// the way is resolved (or found in a cycle) once.
    private func resolvedDefinition(_ name: String) -> Tree? {
        var chain: [String] = []
        var current = name
        var base: Tree?
        while let definition = ownOptimizers.definitions[current] {
            if let done = ownOptimizers.resolved[current] {
                base = done
                break
            }
            if let cycle = ownOptimizers.cycles[current] ?? chain.firstIndex(of: current).map({ Self.fromFirstDeclared(chain[$0...], in: ownOptimizers.names) }) {
                reportCycle(cycle)
                for member in chain { ownOptimizers.cycles[member] = cycle }
                return nil
            }
            chain.append(current)
            guard let next = definition["name"]?.name else { break }
            current = next
        }
        for member in chain.reversed() {
            guard let definition = ownOptimizers.definitions[member] else { continue }
            let tree = base.map { Self.layingUse(definition, over: $0) } ?? definition
            ownOptimizers.resolved[member] = tree
            base = tree
        }
        return base
    }

    /// The manifest's own optimizer name that `tree` (an optimizer, a bare name or a mapping)
    /// uses; nil for a built-in's name or none.
    func ownOptimizerName(of tree: Tree?) -> String? {
        guard let name = tree?.expandingName()["name"]?.name, ownOptimizers.contains(name) else { return nil }
        return name
    }

    /// The keys written at a use of an own optimizer, but its name, laid over the definition's.
    private static func layingUse(_ use: Tree, over definition: Tree) -> Tree {
        guard let entries = use.entries, definition.entries != nil else { return definition }
        var keys = use
        keys.kind = .mapping(entries.filter { $0.key != "name" })
        return Tree.merge(definition, keys) ?? definition
    }

    /// A cycle of names, turned to start at the one declared first: the same cycle met from any
    /// of its names is then worded the same.
    private static func fromFirstDeclared(_ cycle: ArraySlice<String>, in names: [String]) -> [String] {
        let members = Array(cycle)
        let order = members.map { names.firstIndex(of: $0) ?? 0 }
        let first = order.indices.min { order[$0] < order[$1] } ?? 0
        return Array(members[first...] + members[..<first])
    }

    /// Reports a cycle (its names from the first declared) once: at the `name` of the
    /// definition that closes it.
    private func reportCycle(_ cycle: [String]) {
        guard let last = cycle.last, let closing = ownOptimizers.definitions[last] else { return }
        let text = (cycle + [cycle[0]]).map { $0.escapingControlCharacters() }.joined(separator: " -> ")
        error(closing["name"] ?? closing, "a cycle of optimizers: \(text); one of them must name a built-in optimizer")
    }

    /// The built-in optimizer that `tree` names, reported when unknown. With optimizers of the
    /// manifest's own, the message suggests the nearest name among the built-ins and those, or
    /// lists both.
    func builtInOptimizerName(_ tree: Tree) -> String? {
        let builtIns = Self.optimizerKeys.map(\.name)
        let own = ownOptimizers.names
        guard !own.isEmpty, let name = tree.name, !builtIns.contains(name) else {
            return choice(tree, "optimizer", article: "an", builtIns.map { ($0, $0) })
        }
        if let match = Suggestion.closest(to: name, in: builtIns + own) {
            error(tree, "unknown optimizer \(Tree.quote(name)); did you mean \(Tree.quote(match))?")
        } else {
            let listed = own.map { $0.escapingControlCharacters() }.joined(separator: ", ")
            error(tree, "unknown optimizer \(Tree.quote(name)); expected one of: \(builtIns.sorted().joined(separator: ", ")), or the manifest's own: \(listed)")
        }
        return nil
    }
}
