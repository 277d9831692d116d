/// The text of a scalar node, how it was written, and its explicit tag, if any.
public struct Scalar: Sendable, Equatable {
    /// How a scalar was written. Only plain scalars are resolved by the core schema; every other
    /// style is a string unless a tag says otherwise.
    public enum Style: Sendable, Equatable {
        case plain
        case singleQuoted
        case doubleQuoted
        /// `|` block scalar.
        case literal
        /// `>` block scalar.
        case folded
    }

    /// The scalar's text after YAML's own processing (escapes, folding), before any typing.
    public var text: String
    public var style: Style
    /// The explicit tag in full form (`tag:yaml.org,2002:int` for `!!int`, `!` for the
    /// non-specific tag), or nil when none was written.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    /// The scalar typed by the YAML 1.2 core schema: plain scalars are resolved from their text;
    /// quoted and block scalars are strings; an explicit core tag (`!!str`, `!!int`, `!!float`,
    /// `!!bool`, `!!null`) decides by itself. A tagged value that does not fit its tag is
    /// reported by the parser, so here it falls back to `.string`.
    public var value: ScalarValue {
        if let tag {
            return ScalarValue.resolve(text, tag: tag) ?? .string(text)
        }
        return style == .plain ? ScalarValue.resolvePlain(text) : .string(text)
    }

    /// The tag as written for the core tags (`!!int`), otherwise the full tag.
    public var tagDescription: String? {
        tag.map(Scalar.shortTag)
    }

    static let corePrefix = "tag:yaml.org,2002:"

    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(corePrefix) ? "!!" + tag.dropFirst(corePrefix.count) : tag
    }
}
