/// Every problem found in a manifest, in file order.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The most diagnostics ``description`` shows; the rest are counted in its last line.
    public static let maximumShown = 100

    /// The problems, sorted by line and column, each reported once.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The first ``maximumShown`` diagnostics with their snippets, separated by newlines, then
    /// `and N more errors` when there are more.
    public var description: String {
        var lines = diagnostics.prefix(Self.maximumShown).map(\.description)
        let hidden = diagnostics.count - Self.maximumShown
        if hidden > 0 { lines.append("and \(hidden) more error\(hidden == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }
}
