/// Every problem found in a manifest, in file order.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The most diagnostics ``description`` shows; the rest are counted in its last line.
    public static let maximumShown = 100

    /// The problems, sorted by line and column, each reported once.
    public var diagnostics: [Diagnostic]
    /// Problems found after the decoder stopped keeping them (past
    /// `ManifestDecoder.maximumKept`): counted, never worded.
    public var unlisted: Int

    /// Every problem found: those listed and those only counted.
    public var count: Int { diagnostics.count + unlisted }

    public init(diagnostics: [Diagnostic], unlisted: Int = 0) {
        self.diagnostics = diagnostics
        self.unlisted = unlisted
    }

    /// The first ``maximumShown`` diagnostics with their snippets, separated by newlines, then
    /// `and N more errors` when there are more.
    public var description: String {
        var lines = diagnostics.prefix(Self.maximumShown).map(\.description)
        let hidden = max(0, diagnostics.count - Self.maximumShown) + unlisted
        if hidden > 0 { lines.append("and \(hidden) more error\(hidden == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }
}
