/// Splits CSV text into records of cells (RFC 4180: cells separated by commas, records by
/// `\n` or `\r\n`; a cell in double quotes may hold commas, line breaks and doubled quotes),
/// keeping each cell's line and column for messages. Blank lines are skipped.
struct CSVReader {
    struct Cell: Equatable {
        var text: String
        /// 1-based line and column (in characters) where the cell starts.
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private let file: DataFile
    private var index = 0
    private var line = 1
    private var column = 1

    /// The records of `bytes`, each a non-empty list of cells.
    static func records(_ bytes: [UInt8], file: DataFile) throws(DataFileError) -> [[Cell]] {
        var reader = CSVReader(bytes: bytes, file: file)
        var records: [[Cell]] = []
        while let record = try reader.record() {
            records.append(record)
        }
        return records
    }

    private init(bytes: [UInt8], file: DataFile) {
        self.bytes = bytes
        self.file = file
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes of a UTF-8 character do not start a new column.
            column += 1
        }
    }

    private static func isLineEnd(_ byte: UInt8?) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The next record, or nil at the end of the text.
    private mutating func record() throws(DataFileError) -> [Cell]? {
        while Self.isLineEnd(current) { advance() }
        guard current != nil else { return nil }
        var cells: [Cell] = []
        while true {
            cells.append(try cell())
            guard current == UInt8(ascii: ",") else { break }
            advance()
        }
        if current == UInt8(ascii: "\r") { advance() }
        if current == UInt8(ascii: "\n") { advance() }
        return cells
    }

    private mutating func cell() throws(DataFileError) -> Cell {
        let (startLine, startColumn) = (line, column)
        var text: [UInt8] = []
        if current == UInt8(ascii: "\"") {
            advance()
            while true {
                guard let byte = current else {
                    throw DataFileError(path: file.path, location: .text(line: startLine, column: startColumn),
                                        message: "expected a closing quote for the cell that starts here, the file ends")
                }
                advance()
                if byte == UInt8(ascii: "\"") {
                    guard current == UInt8(ascii: "\"") else { break }
                    advance()
                }
                text.append(byte)
            }
            if let byte = current, byte != UInt8(ascii: ","), !Self.isLineEnd(byte) {
                throw DataFileError(path: file.path, location: .text(line: line, column: column),
                                    message: "expected a comma or the end of the line after a quoted cell, found \(String(decoding: [byte], as: UTF8.self).debugDescription)")
            }
        } else {
            while let byte = current, byte != UInt8(ascii: ","), !Self.isLineEnd(byte) {
                text.append(byte)
                advance()
            }
        }
        return Cell(text: String(decoding: text, as: UTF8.self), line: startLine, column: startColumn)
    }
}
