@testable import expt

/// A parsed CSV file (RFC 4180: quoted cells with doubled quotes), for assertions; read by
/// expt's own reader (`csvLines`).
struct CSVTable {
    let header: [String]
    let rows: [[String: String]]

    init(_ text: String) {
        let lines = csvLines(text)
        header = lines.first ?? []
        rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }
}
