import Foundation

/// CSV tables of flat Codable values (every stored property a number, a Boolean, a string or
/// an optional one), one value per row and one column per property in declaration order.
///
/// The columns come from the values' own `Codable` conformance, so a property added to
/// ``EpochMetrics`` or ``TrajectoryPoint`` is stored and read back with no change here.
/// A nil property is an empty cell. Numbers are written in Swift's shortest round-trip form,
/// so they read back to the same bits.
enum FlatTable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The table of `rows`: a header line of property names, then one line per row. No rows
    /// give an empty text.
    static func csv<Row: Encodable>(_ rows: [Row]) throws -> String {
        guard let first = rows.first else { return "" }
        let cells = try StoreCoding.decoder().decode([[String: Cell]].self, from: StoreCoding.encoder().encode(rows))
        let keys = Set(cells.flatMap(\.keys))
        let declared = Mirror(reflecting: first).children.compactMap(\.label).filter(keys.contains)
        let columns = declared + keys.subtracting(declared).sorted()
        return ([columns] + cells.map { row in columns.map { row[$0]?.text ?? "" } })
            .map { $0.map(quoted).joined(separator: ",") + "\n" }.joined()
    }

    /// The rows of a table written by ``csv(_:)``.
    static func rows<Row: Decodable>(_ type: Row.Type, from text: String) throws(Failure) -> [Row] {
        guard !text.isEmpty else { return [] }
        let lines = try parse(text)
        let columns = lines[0]
        var objects: [[String: Cell]] = []
        for (index, line) in lines.dropFirst().enumerated() {
            guard line.count == columns.count else {
                throw Failure(description: "line \(index + 2) has \(line.count) cells; the header has \(columns.count)")
            }
            objects.append(Dictionary(zip(columns, line).compactMap { name, text in Cell(text).map { (name, $0) } },
                                      uniquingKeysWith: { first, _ in first }))
        }
        do {
            return try StoreCoding.decoder().decode([Row].self, from: StoreCoding.encoder().encode(objects))
        } catch {
            throw Failure(description: "the rows do not match the columns of \(Row.self) (\(error))")
        }
    }

    /// One cell's value, typed by its text as JSON would type it.
    enum Cell: Codable {
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)

        init?(_ text: String) {
            if text.isEmpty { return nil }
            if let value = Bool(text) { self = .bool(value) }
            else if let value = Int(text) { self = .integer(value) }
            else if let value = Double(text) { self = .number(value) }
            else { self = .string(text) }
        }

        var text: String {
            switch self {
            case .bool(let value): "\(value)"
            case .integer(let value): "\(value)"
            case .number(let value): "\(value)"
            case .string(let value): value
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .integer(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else { self = .string(try container.decode(String.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            }
        }
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 4180 lines of cells; the text must end with a line break (a cut file does not).
    private static func parse(_ text: String) throws(Failure) -> [[String]] {
        guard text.hasSuffix("\n") else { throw Failure(description: "the last line is not ended (the file is cut short)") }
        var lines: [[String]] = []
        var line: [String] = []
        var cell = ""
        var inQuotes = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { cell.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" && cell.isEmpty {
                inQuotes = true
            } else if character == "," {
                line.append(cell)
                cell = ""
            } else if character == "\n" {
                line.append(cell)
                lines.append(line)
                line = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        guard !inQuotes else { throw Failure(description: "a quoted cell is not closed") }
        return lines
    }
}
