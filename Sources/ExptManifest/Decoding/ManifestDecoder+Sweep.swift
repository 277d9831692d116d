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
/// Keys are key paths below the variant's settings (`optimizer.lr`, `model[0].dense`), at most
/// 100 of them. The points are the grid's combinations x the zipped positions x the random
/// samples, in that order (at most 10000), counted before any is generated. A range's bounds are
/// numbers with `from` < `to` (positive with `log: true`); when both are integers, every value is
/// rounded to the nearest integer, and the bounds lie within ±2^53. Each value is set in the
/// variant's settings as a YAML value before decoding, so a value that does not fit
/// (`optimizer.lr: [0.1, -1]`) is reported where the sweep writes it.
extension ManifestDecoder {
    static let sweepKeys = ["grid", "zip", "random", "samples", "seed"]
    static let rangeKeys = ["from", "to", "count", "log"]
    static let maximumSweepPoints = 10_000
    static let maximumSweptKeys = 100
    /// The longest text (scalar or key) in a listed value, in UTF-8 bytes: every point copies
    /// its values' text, and an alias can repeat one long text in every position of a list.
    static let longestSweptText = 1_000

    /// One swept setting of one point: where it goes, and the YAML value that goes there.
    struct SweptValue {
        var key: String
        var keyPath: KeyPath
        var value: Tree
        /// The value as YAML text, for `RunSpec.sweep`.
        var text: String
    }

    /// Values not generated yet: how many there will be, and how to generate them in order.
    struct LazyValues<Element> {
        var count: Int
        var generate: () -> [Element]
    }

    /// A sweep before its points are generated: each axis knows its length, so the number of
    /// points is known (and checked) before any point is made.
    struct Sweep {
        /// Each axis: its positions, each the settings it sets.
        var axes: [LazyValues<[SweptValue]>]

        /// No sweep: one point that sets nothing.
        static var none: Sweep { Sweep(axes: []) }

        /// The number of points: the product of the axes' lengths.
        var pointCount: Int { axes.reduce(1) { $0 * $1.count } }

        /// Every combination of the axes' positions, the first axis varying slowest; `[[]]`
        /// for no axes.
        func points() -> [[SweptValue]] {
            axes.reduce([[]]) { points, axis in
                let positions = axis.generate()
                return points.flatMap { point in positions.map { point + $0 } }
            }
        }
    }

    /// The sweep of a variant's settings; `.none` for no sweep; nil after reporting a problem.
    func sweep(_ tree: Tree?) -> Sweep? {
        guard let tree else { return Sweep.none }
        guard let fields = fields(tree, allowed: Self.sweepKeys, nullIsEmpty: true) else { return nil }
        let start = errorCount
        var swept: [String: String] = [:]
        var axes: [LazyValues<[SweptValue]>] = []
        if let grid = fields.optional("grid"), let entries = sectionEntries(grid) {
            for entry in entries {
                guard let keyPath = sweptKey(entry, in: "grid", swept: &swept), let values = values(entry, keyPath, countRequired: true) else { continue }
                axes.append(LazyValues(count: values.count) { values.generate().map { [$0] } })
            }
        }
        if let zip = fields.optional("zip"), let entries = sectionEntries(zip) {
            var columns: [LazyValues<SweptValue>] = []
            var firstKey = ""
            for entry in entries {
                guard let keyPath = sweptKey(entry, in: "zip", swept: &swept), let values = values(entry, keyPath, countRequired: true) else { continue }
                if let first = columns.first, values.count != first.count {
                    error(entry.value, "expected \(first.count) values, as many as \(firstKey), found \(values.count)")
                    continue
                }
                if columns.isEmpty { firstKey = entry.key }
                columns.append(values)
            }
            if let first = columns.first {
                axes.append(LazyValues(count: first.count) {
                    let generated = columns.map { $0.generate() }
                    return (0..<first.count).map { position in generated.map { $0[position] } }
                })
            }
        }
        let random = fields.optional("random")
        if let random {
            axes.append(randomSamples(random, fields, swept: &swept) ?? LazyValues(count: 0) { [] })
        } else {
            for key in ["samples", "seed"] {
                if let value = fields.optional(key) { error(value, "\(key) needs random") }
            }
        }
        guard errorCount == start else { return nil }
        guard swept.count <= Self.maximumSweptKeys else {
            error(tree, "expected at most \(Self.maximumSweptKeys) swept keys, found \(swept.count)")
            return nil
        }
        let count = axes.reduce(1.0) { $0 * Double($1.count) }
        guard count <= Double(Self.maximumSweepPoints) else {
            error(tree, "expected at most \(Self.maximumSweepPoints) sweep points, found \(count < 1e18 ? String(Int(count)) : "more than 10^18")")
            return nil
        }
        return Sweep(axes: axes)
    }

    /// `random`'s draws: `samples` points, each drawing every key in order from one generator.
    private func randomSamples(_ random: Tree, _ fields: Fields, swept: inout [String: String]) -> LazyValues<[SweptValue]>? {
        let samples = fields.required("samples").flatMap { integer($0, 1...Self.maximumSweepPoints) }
        let seed = fields.optional("seed").map { self.seed($0) } ?? 0
        guard let entries = sectionEntries(random) else { return nil }
        var draws: [(SweptValue, LazyValues<SweptValue>?, SweepRange?)] = []
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
        return LazyValues(count: samples) {
            let lists = draws.map { $0.1?.generate() }
            var generator = SeededGenerator(seed: seed)
            return (0..<samples).map { _ in
                zip(draws, lists).map { draw, list in
                    if let list { return list[generator.nextInt(below: list.count)] }
                    return self.generated(draw.0, draw.2!.value(at: generator.nextDouble()))
                }
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
    private func values(_ entry: Tree.Entry, _ keyPath: KeyPath, countRequired: Bool) -> LazyValues<SweptValue>? {
        let template = SweptValue(key: entry.key, keyPath: keyPath, value: entry.value, text: "")
        switch entry.value.kind {
        case .sequence(let items):
            guard !items.isEmpty else {
                error(entry.value, "expected at least one value, found an empty sequence")
                return nil
            }
            for item in items {
                if let length = Self.longestText(in: item), length > Self.longestSweptText {
                    error(item, "expected a value whose texts are at most \(Self.longestSweptText) bytes, found one of \(length) bytes")
                    return nil
                }
            }
            return LazyValues(count: items.count) {
                items.map { SweptValue(key: entry.key, keyPath: keyPath, value: $0, text: $0.flowText) }
            }
        case .mapping:
            guard let range = range(entry.value, countRequired: countRequired), let count = range.count else { return nil }
            return LazyValues(count: count) {
                (0..<count).map { i in self.generated(template, range.value(at: count == 1 ? 0 : Double(i) / Double(count - 1))) }
            }
        case .scalar:
            let expected = countRequired ? "a sequence of values or a range {from, to, count}" : "a sequence of values or a range {from, to}"
            error(entry.value, "expected \(expected), found \(entry.value.found)")
            return nil
        }
    }

    /// The length in UTF-8 bytes of the longest scalar or key in `tree`; nil for an empty collection.
    private static func longestText(in tree: Tree) -> Int? {
        switch tree.kind {
        case .scalar(let scalar): scalar.text.utf8.count
        case .sequence(let items): items.compactMap { longestText(in: $0) }.max()
        case .mapping(let entries): entries.flatMap { [$0.key.utf8.count, longestText(in: $0.value) ?? 0] }.max()
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
        if integers {
            for (bound, tree) in [(from, fromTree), (to, toTree)] where abs(bound) > SweepRange.largestInteger {
                let limit = String(Int(SweepRange.largestInteger))
                error(tree, "expected an integer from -\(limit) to \(limit) (2^53), found \(tree.found)")
                return nil
            }
        }
        return SweepRange(from: from, to: to, log: log, integers: integers, count: count)
    }
}
