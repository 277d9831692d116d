/// Comma-separated values as RFC 4180 writes them, with `\n` line ends.
enum CSV {
    /// One line: the cells joined by commas, each quoted when it must be, ended by `\n`.
    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\n"
    }

    /// The cell as is, or, when it holds a comma, a double quote or a line break, wrapped in
    /// double quotes with each double quote doubled.
    static func escape(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as Swift's shortest round-trip `description` (so it reads back to the same
    /// Double, and prints the same on every machine), or an empty cell for no value.
    static func number(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }

    /// An integer, or an empty cell for no value.
    static func number(_ value: Int?) -> String {
        value.map { "\($0)" } ?? ""
    }
}
