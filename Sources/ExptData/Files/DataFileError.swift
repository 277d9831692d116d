/// A data file that cannot be used: missing, unreadable, truncated or corrupt. It names the
/// file as the manifest writes it, where the problem is (a byte offset, or for CSV a line and
/// column) and what was expected there.
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Sendable, Equatable {
        /// The whole file (it cannot be read).
        case file
        /// A 0-based byte offset; for a gzip file, into its decompressed bytes unless
        /// `compressed` says the compressed bytes themselves are wrong.
        case byte(Int, compressed: Bool = false)
        /// A 1-based line and column (in characters) of a text file.
        case text(line: Int, column: Int)
    }

    /// The path as the manifest writes it.
    public var path: String
    public var location: Location
    /// What was expected and what was found.
    public var message: String

    public init(path: String, location: Location, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// `data/x.idx: at byte 4: expected …`, `data/x.csv:3:9: expected …` or
    /// `data/x.idx: cannot read the file (…)`.
    public var description: String {
        switch location {
        case .file: "\(path): \(message)"
        case .byte(let offset, let compressed):
            "\(path): at \(compressed ? "compressed " : "")byte \(offset): \(message)"
        case .text(let line, let column): "\(path):\(line):\(column): \(message)"
        }
    }
}
