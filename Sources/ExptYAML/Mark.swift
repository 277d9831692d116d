/// A position in a YAML source: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, as libyaml does, so a caret drawn under the `column`th
/// scalar of the source line points at the right character.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column, in Unicode scalars, starting at 1.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, as compilers print positions.
    public var description: String { "\(line):\(column)" }

    /// Marks are ordered as in the file: by line, then by column.
    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
