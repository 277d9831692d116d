import ExptYAML

/// A YAML node annotated with the key path where it is written, so that a value that reaches
/// a variant through the top-level settings is reported under its own key path
/// (`train.epochs`), and one written in a variant under the variant's (`variants.adam.train.epochs`).
///
/// Mapping keys are strings here; a mapping whose key is not a scalar is reported when the tree
/// is built, and that pair is left out.
struct Tree {
    enum Kind {
        case scalar(Scalar)
        case sequence([Tree])
        case mapping([Entry])
    }

    struct Entry {
        var key: String
        var keyMark: Mark
        var value: Tree
        /// The key path of the key (and of its value), as written.
        var path: KeyPath { value.path }
        /// The text the key is written in: the same as its value's.
        var keySource: SourceID { value.source }
    }

    var kind: Kind
    var mark: Mark
    var path: KeyPath
    /// The text the node is written in: the manifest, a file it extends, or a `--set` override.
    var source: SourceID

    init(kind: Kind, mark: Mark, path: KeyPath, source: SourceID = .manifest) {
        self.kind = kind
        self.mark = mark
        self.path = path
        self.source = source
    }

    /// Converts a node written at `path` in `source`, reporting keys that are not scalars to `report`.
    init(_ node: Node, path: KeyPath, source: SourceID = .manifest, report: (Mark, KeyPath, String) -> Void) {
        self.mark = node.mark
        self.path = path
        self.source = source
        switch node.kind {
        case .scalar(let scalar):
            kind = .scalar(scalar)
        case .sequence(let items):
            kind = .sequence(items.enumerated().map { index, item in
                Tree(item, path: path.appending(index: index), source: source, report: report)
            })
        case .mapping(let pairs):
            var entries: [Entry] = []
            for pair in pairs {
                guard let key = pair.key.scalar else {
                    report(pair.key.mark, path, "expected a key name, found \(pair.key.kindDescription)")
                    continue
                }
                let value = Tree(pair.value, path: path.appending(key.text), source: source, report: report)
                entries.append(Entry(key: key.text, keyMark: pair.key.mark, value: value))
            }
            kind = .mapping(entries)
        }
    }

    var scalar: Scalar? {
        if case .scalar(let s) = kind { s } else { nil }
    }

    var entries: [Entry]? {
        if case .mapping(let e) = kind { e } else { nil }
    }

    var items: [Tree]? {
        if case .sequence(let i) = kind { i } else { nil }
    }

    /// A null scalar: `~`, `null` or nothing. In a manifest a key set to null counts as absent.
    var isNull: Bool {
        scalar?.value == .null
    }

    /// The value of `key`, if this is a mapping that sets it.
    subscript(key: String) -> Tree? {
        entries?.first { $0.key == key }?.value
    }

    /// The text of a non-null scalar, used for names.
    var name: String? {
        guard let scalar, scalar.value != .null else { return nil }
        return scalar.text
    }

    /// What was found, for messages: `"fast"`, `-0.1`, `true`, `nothing`, `a mapping`.
    var found: String {
        switch kind {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.value {
            case .null:
                return scalar.text.isEmpty ? "nothing" : scalar.text
            case .string(let text):
                let quoted = Tree.quote(text)
                // Only a short text can read as another type unquoted; a long one is not
                // resolved, which would cost its length each time an alias repeats it.
                if scalar.style != .plain, text.utf8.count <= Self.longestResolvedText, ScalarValue.resolvePlain(text) != .string(text) {
                    return "the string \(quoted)"
                }
                return quoted
            default:
                return scalar.text
            }
        }
    }

    /// The longest quoted text, in UTF-8 bytes, that ``found`` checks for another type
    /// (`"12"`, `"true"`) to call it `the string "12"`.
    static let longestResolvedText = 1_000

    /// `text` in double quotes, with quotes, backslashes and control characters escaped
    /// (``Swift/String/escapingControlCharacters(quotes:)``), and cut after 40 characters.
    /// Only the first 41 characters are read, so quoting a long string costs no more than
    /// quoting a short one.
    static func quote(_ text: String) -> String {
        var shown = Substring(text.prefix(41))
        if shown.count > 40 { shown = shown.prefix(40) + "..." }
        return "\"" + String(shown).escapingControlCharacters(quotes: true) + "\""
    }
}
