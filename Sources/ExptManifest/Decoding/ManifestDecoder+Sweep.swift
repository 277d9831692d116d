import ExptEngine
import ExptYAML

/// `sweep`: the points of a variant's settings to train, at the top level (every variant) or in
/// a variant (which then replaces the top-level sweep; `sweep: {}` turns it off).
///
/// ```yaml
/// sweep:
///   grid:                       # every combination; the first key varies slowest
///     optimizer.lr: [0.01, 0.1]                                 # a list of values
///     train.batch_size: {from: 16, to: 128, count: 4, log: true} # a range: 16, 32, 64, 128
///   zip:                        # values that move together: the i-th of each key
///     optimizer.momentum: [0.0, 0.9]
///     optimizer.dampening: [0.0, 0.5]
///   random:                     # `samples` draws from the project's SeededGenerator(seed)
///     optimizer.lr: {from: 1.0e-4, to: 1.0e-1, log: true}        # uniform, or log-uniform
///     train.batch_size: [16, 32, 64]                              # one of a list, each as likely
///   samples: 8                  # required with random, 1…10000
///   seed: 0                     # default 0
/// ```
/// Keys are key paths below the variant's settings (`optimizer.lr`, `model[0].dense`). The
/// points are the grid's combinations x the zipped positions x the random samples, in that
/// order (at most 10000). A range's bounds are numbers with `from` < `to` (positive with
/// `log: true`); when both are integers, every value is rounded to the nearest integer. Each
/// value is set in the variant's settings as a YAML value before decoding, so a value that does
/// not fit (`optimizer.lr: [0.1, -1]`) is reported where the sweep writes it.
extension ManifestDecoder {
    static let sweepKeys = ["grid", "zip", "random", "samples", "seed"]
    static let rangeKeys = ["from", "to", "count", "log"]
    static let maximumSweepPoints = 10_000

    /// One swept setting of one point: where it goes, and the YAML value that goes there.
    struct SweptValue {
        var key: String
        var keyPath: KeyPath
        var value: Tree
        /// The value as YAML text, for `RunSpec.sweep`.
        var text: String
    }

    /// The sweep's points, each the list of its settings; `[[]]` (one point, nothing swept) for
    /// no sweep; nil after reporting a problem.
    func sweepPoints(_ tree: Tree?) -> [[SweptValue]]? {
        guard let tree else { return [[]] }
        guard let fields = fields(tree, allowed: Self.sweepKeys, nullIsEmpty: true) else { return nil }
        let start = errorCount
        var swept: [String: String] = [:]
        var axes: [[[SweptValue]]] = []
        if let grid = fields.optional("grid"), let entries = sectionEntries(grid) {
            for entry in entries {
                guard let keyPath = sweptKey(entry, in: "grid", swept: &swept), let values = values(entry, keyPath, countRequired: true) else { continue }
                axes.append(values.map { [$0] })
            }
        }
        if let zip = fields.optional("zip"), let entries = sectionEntries(zip) {
            var zipped: [[SweptValue]] = []
            var first: Tree.Entry?
            for entry in entries {
                guard let keyPath = sweptKey(entry, in: "zip", swept: &swept), let values = values(entry, keyPath, countRequired: true) else { continue }
                if let first, values.count != zipped.count {
                    error(entry.value, "expected \(zipped.count) values, as many as \(first.key), found \(values.count)")
                    continue
                }
                zipped = first == nil ? values.map { [$0] } : Swift.zip(zipped, values).map { $0 + [$1] }
                first = first ?? entry
            }
            if !zipped.isEmpty { axes.append(zipped) }
        }
        let random = fields.optional("random")
        if let random {
            axes.append(randomSamples(random, fields, swept: &swept) ?? [])
        } else {
            for key in ["samples", "seed"] {
                if let value = fields.optional(key) { error(value, "\(key) needs random") }
            }
        }
        guard errorCount == start else { return nil }
        let count = axes.reduce(1.0) { $0 * Double($1.count) }
        guard count <= Double(Self.maximumSweepPoints) else {
            error(tree, "expected at most \(Self.maximumSweepPoints) sweep points, found \(count < 1e18 ? String(Int(count)) : "more than 10^18")")
            return nil
        }
        return axes.reduce([[]]) { points, axis in points.flatMap { point in axis.map { point + $0 } } }
    }

    /// `random`'s draws: `samples` points, each drawing every key in order from one generator.
    private func randomSamples(_ random: Tree, _ fields: Fields, swept: inout [String: String]) -> [[SweptValue]]? {
        let samples = fields.required("samples").flatMap { integer($0, 1...Self.maximumSweepPoints) }
        let seed = fields.optional("seed").map { self.seed($0) } ?? 0
        guard let entries = sectionEntries(random) else { return nil }
        var draws: [(SweptValue, [SweptValue]?, SweepRange?)] = []
        for entry in entries {
            guard let keyPath = sweptKey(entry, in: "random", swept: &swept) else { continue }
            let template = SweptValue(key: entry.key, keyPath: keyPath, value: entry.value, text: "")
            if entry.value.items != nil {
                guard let list = values(entry, keyPath, countRequired: false) else { continue }
                draws.append((template, list, nil))
            } else if let range = range(entry.value, countRequired: false) {
                draws.append((template, nil, range))
            }
        }
        guard let samples, let seed, draws.count == entries.count else { return nil }
        var generator = SeededGenerator(seed: seed)
        return (0..<samples).map { _ in
            draws.map { template, list, range in
                if let list { return list[generator.nextInt(below: list.count)] }
                return generated(template, range!.value(at: generator.nextDouble()))
            }
        }
    }

    /// The mapping of a section (`grid`, `zip`, `random`).
    private func sectionEntries(_ tree: Tree) -> [Tree.Entry]? {
        guard let entries = tree.entries else {
            error(tree, "expected a mapping of key paths to values, found \(tree.found)")
            return nil
        }
        return entries
    }

    /// The key path of a swept key: below the variant's settings, and swept once.
    private func sweptKey(_ entry: Tree.Entry, in section: String, swept: inout [String: String]) -> KeyPath? {
        guard let keyPath = KeyPath(parsing: entry.key), case .key(let first)? = keyPath.components.first else {
            error(at: entry.keyMark, source: entry.keySource, path: entry.path, "expected a key path such as optimizer.lr or model[0].dense, found \(Tree.quote(entry.key))")
            return nil
        }
        let settings = Self.variantKeys.filter { $0 != "sweep" }
        guard settings.contains(first) else {
            error(at: entry.keyMark, source: entry.keySource, path: entry.path, Suggestion.unknownKey(first, allowed: settings))
            return nil
        }
        if let earlier = swept[keyPath.description] {
            error(at: entry.keyMark, source: entry.keySource, path: entry.path, "\(keyPath) is already swept in \(earlier)")
            return nil
        }
        swept[keyPath.description] = section
        return keyPath
    }

    /// The values of a grid or zip key: a list, or a range with `count`.
    private func values(_ entry: Tree.Entry, _ keyPath: KeyPath, countRequired: Bool) -> [SweptValue]? {
        let template = SweptValue(key: entry.key, keyPath: keyPath, value: entry.value, text: "")
        switch entry.value.kind {
        case .sequence(let items):
            guard !items.isEmpty else {
                error(entry.value, "expected at least one value, found an empty sequence")
                return nil
            }
            return items.map { SweptValue(key: entry.key, keyPath: keyPath, value: $0, text: $0.flowText) }
        case .mapping:
            guard let range = range(entry.value, countRequired: countRequired), let count = range.count else { return nil }
            return (0..<count).map { i in generated(template, range.value(at: count == 1 ? 0 : Double(i) / Double(count - 1))) }
        case .scalar:
            let expected = countRequired ? "a sequence of values or a range {from, to, count}" : "a sequence of values or a range {from, to}"
            error(entry.value, "expected \(expected), found \(entry.value.found)")
            return nil
        }
    }

    /// A generated number as a swept value, written where its range is.
    private func generated(_ template: SweptValue, _ number: SweepRange.Value) -> SweptValue {
        var value = template
        value.text = number.text
        value.value = Tree(kind: .scalar(Scalar(number.text)), mark: template.value.mark, path: template.value.path, source: template.value.source)
        return value
    }

    /// `{from, to, count, log}`; `count` only (and then required) in a grid or zip.
    private func range(_ tree: Tree, countRequired: Bool) -> SweepRange? {
        let allowed = countRequired ? Self.rangeKeys : Self.rangeKeys.filter { $0 != "count" }
        guard let fields = fields(tree, allowed: allowed) else { return nil }
        let start = errorCount
        let fromTree = fields.required("from"), toTree = fields.required("to")
        let from = fromTree.flatMap { number($0, .finite) }
        let to = toTree.flatMap { number($0, .finite) }
        let log = fields.optional("log").map { bool($0) } ?? false
        let count = countRequired ? fields.required("count").flatMap { integer($0, 1...Self.maximumSweepPoints) } : nil
        guard errorCount == start, let from, let to, let log, let fromTree, let toTree else { return nil }
        if log, from <= 0 {
            error(fromTree, "expected a positive number with log: true, found \(fromTree.found)")
            return nil
        }
        guard to > from else {
            error(toTree, "expected a number greater than from (\(fromTree.found)), found \(toTree.found)")
            return nil
        }
        let integers = [fromTree, toTree].allSatisfy { if case .int? = $0.scalar?.value { true } else { false } }
        return SweepRange(from: from, to: to, log: log, integers: integers, count: count)
    }
}
