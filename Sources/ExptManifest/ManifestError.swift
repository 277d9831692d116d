/// Every problem found in a manifest, in file order.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, sorted by line and column, each reported once.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every diagnostic with its snippet, separated by newlines.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
