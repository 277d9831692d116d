/// A parsed CSV file (RFC 4180: quoted cells with doubled quotes; no line breaks inside cells,
/// which expt's tables never have), for assertions.
struct CSVTable {
    let header: [String]
    let rows: [[String: String]]

    init(_ text: String) {
        let lines = text.split(separator: "\n").map(Self.cells)
        header = lines.first ?? []
        rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    private static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for character in line {
            switch (character, quoted) {
            case ("\"", false):
                if previous == "\"" { cell.append("\"") }
                quoted = true
            case ("\"", true): quoted = false
            case (",", false):
                cells.append(cell)
                cell = ""
            default: cell.append(character)
            }
            previous = character
        }
        cells.append(cell)
        return cells
    }
}
