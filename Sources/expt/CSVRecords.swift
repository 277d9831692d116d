/// The lines of a CSV table that expt wrote (RFC 4180: cells quoted when they hold a comma, a
/// quote or a line break, quotes doubled), each as its cells; a last line may lack its line break.
func csvLines(_ text: String) -> [[String]] {
    var lines: [[String]] = []
    var line: [String] = []
    var cell = ""
    var quoted = false
    var previous: Character?
    for character in text {
        switch (character, quoted) {
        case ("\"", false):
            if previous == "\"" { cell.append("\"") }
            quoted = true
        case ("\"", true): quoted = false
        case (",", false):
            line.append(cell)
            cell = ""
        case ("\n", false):
            lines.append(line + [cell])
            line = []
            cell = ""
        default: cell.append(character)
        }
        previous = character
    }
    if !line.isEmpty || !cell.isEmpty { lines.append(line + [cell]) }
    return lines
}

/// The rows of a CSV table after its header line, each as its cells by column name.
func csvRecords(_ text: String) -> [[String: String]] {
    let lines = csvLines(text)
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
}
