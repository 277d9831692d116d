/// One node of a YAML document: a scalar, a sequence or a mapping, with the position where it
/// is written.
///
/// Aliases are resolved while parsing: an alias yields (a copy of) the node its anchor names,
/// with that node's own marks, and ``aliasMark`` records where the alias itself was written.
/// Merge keys (`<<: *base`, `<<: [*a, *b]`) are resolved too; see ``YAML/parse(_:path:)``.
public struct Node: Sendable, Equatable {
    /// What a node holds.
    public enum Kind: Sendable, Equatable {
        case scalar(Scalar)
        /// The items, in order.
        case sequence([Node])
        /// The key/value pairs, in the order written.
        case mapping([Pair])
    }

    /// One entry of a mapping. Keys are nodes too, so each key keeps its own mark.
    public struct Pair: Sendable, Equatable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    /// Where the node starts, as libyaml reports it: the first character of a scalar (its quote,
    /// if quoted), the `[` or `{` of a flow collection, the first `-` or key of a block
    /// collection; or, for a node with an anchor or a tag, the first of those (`&base`, `!!int`).
    public var mark: Mark
    /// Where the alias that produced this node was written, or nil if the node was written here.
    public var aliasMark: Mark?

    public init(_ kind: Kind, mark: Mark, aliasMark: Mark? = nil) {
        self.kind = kind
        self.mark = mark
        self.aliasMark = aliasMark
    }

    /// A plain, untagged scalar.
    public static func scalar(_ value: String, style: Scalar.Style = .plain, tag: String? = nil, mark: Mark) -> Node {
        Node(.scalar(Scalar(value, style: style, tag: tag)), mark: mark)
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let s) = kind { s } else { nil }
    }

    /// The items, if this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = kind { items } else { nil }
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { pairs } else { nil }
    }

    /// True for a scalar that resolves to null (`~`, `null`, an empty plain scalar, `!!null`).
    public var isNull: Bool {
        scalar?.value == .null
    }

    /// The value of the first pair whose key is a scalar with this text, if this is a mapping.
    public subscript(key: String) -> Node? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }

    /// "a scalar", "a sequence" or "a mapping": for messages.
    public var kindDescription: String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}
