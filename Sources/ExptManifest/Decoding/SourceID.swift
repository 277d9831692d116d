/// Which text a manifest value is written in: the manifest itself (``manifest``), a file it
/// extends, or a `--set` override. The decoder keeps the texts (``ManifestDecoder/addSource(_:)``),
/// so that every problem names the file and line, or the override, where its value is written.
struct SourceID: Hashable, Comparable {
    var index: Int

    /// The manifest file given on the command line.
    static let manifest = SourceID(index: 0)

    static func < (lhs: SourceID, rhs: SourceID) -> Bool { lhs.index < rhs.index }
}

/// One text that manifest values come from.
struct SourceText {
    /// The file's path, or the override as given (`--set train.epochs=ten`): the start of each message.
    var name: String
    /// A file's text, for the snippet under a message; nil for an override, whose messages have
    /// no line, column or snippet.
    var text: String?
}
