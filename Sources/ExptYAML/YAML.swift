/// Parses YAML text into a ``Node`` tree with positions, over libyaml's event API.
///
/// What it accepts:
/// - One document. An empty file, or one of only comments, yields a null scalar at 1:1;
///   a second document is an error.
/// - Anchors and aliases: an alias yields the anchored node (with the anchored node's marks,
///   and ``Node/aliasMark`` set to the alias). An alias before its anchor, or inside the node
///   it names, is an error.
/// - Merge keys: `<<: *base` or `<<: [*a, *b]` copy the pairs of the merged mappings whose keys
///   the mapping does not set itself; with several mappings, the first that sets a key wins.
///   The merged pairs take the place of the `<<` pair, in the order of their mappings.
/// - Scalars keep their text, style and explicit tag; ``Scalar/value`` types them by the YAML 1.2
///   core schema. The tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map` and
///   the non-specific `!` are allowed; a scalar that does not fit its tag, or any other tag, is
///   an error.
///
/// What it refuses, each with its own message (see ``Limits``): duplicate keys in one mapping
/// (scalar keys compared by typed value, so `1` and `0x1` clash, `1` and `"1"` do not);
/// text over the size limit; nesting deeper than the depth limit; aliases that expand to more
/// nodes than the expansion limit (an alias bomb, "billion laughs", is refused after a few
/// hundred events, whatever its nominal size).
public enum YAML {
    /// Bounds on the input, so a hostile or broken file fails fast with a clear message.
    public struct Limits: Sendable, Equatable {
        /// Largest accepted text, in UTF-8 bytes. Default 4 MiB.
        public var fileSize: Int
        /// Deepest nesting of sequences and mappings. Default 256.
        public var depth: Int
        /// Most nodes that aliases may add by expansion, over the whole document. Default 100 000.
        public var aliasExpansion: Int

        public init(fileSize: Int = 4 << 20, depth: Int = 256, aliasExpansion: Int = 100_000) {
            self.fileSize = fileSize
            self.depth = depth
            self.aliasExpansion = aliasExpansion
        }

        public static let `default` = Limits()
    }

    /// Parses one YAML document.
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - path: the file the text came from; used only in error messages.
    ///   - limits: bounds on size, depth and alias expansion.
    /// - Returns: the root node; a null scalar at 1:1 for an empty document.
    public static func parse(_ text: String, path: String, limits: Limits = .default) throws(YAMLError) -> Node {
        let size = text.utf8.count
        guard size <= limits.fileSize else {
            throw YAMLError(
                path: path, mark: Mark(line: 1, column: 1),
                message: "the file is \(size) bytes; the limit is \(limits.fileSize) bytes",
                sourceLine: nil)
        }
        var builder = TreeBuilder(reader: EventReader(text: text), text: text, path: path, limits: limits)
        return try builder.document()
    }
}
