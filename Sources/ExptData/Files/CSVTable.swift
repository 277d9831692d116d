/// A CSV file's examples as `CSVSettings` name them: the file, whether its first row names
/// the columns, and the target column or columns; every other column is a feature.
struct CSVTable {
    let file: DataFile
    let header: Bool
    let target: CSVTarget

    /// The most memory a byte of the file takes while it is read, at worst: a cell of one
    /// character and its comma (2 bytes) becomes a cell of text, line and column (32 bytes).
    static let memoryPerByte = 16

    /// The largest class index a label may be.
    static let maximumClassIndex = 999

    func load() throws(DataFileError) -> LoadedData {
        let reason = "a CSV file takes up to \(Self.memoryPerByte) bytes of memory per byte while it is read, and the memory budget of a dataset is \(MemoryBudget.limitDescription)"
        let bytes = try FileBytes.contents(of: file, limit: MemoryBudget.bytes / Self.memoryPerByte, reason: reason)
        var records = try CSVReader.records(bytes, file: file)
        let names = header && !records.isEmpty ? records.removeFirst().map(\.text) : nil
        guard let first = records.first else {
            throw DataFileError(path: file.path, location: .file, message: "expected at least one row of values, found none")
        }
        let width = names?.count ?? first.count
        for row in records where row.count != width {
            let source = header ? "the header" : "line \(first[0].line)"
            throw DataFileError(path: file.path, location: .text(line: row[0].line, column: row[0].column),
                                message: "expected \(width) cells as in \(source), found \(row.count)")
        }
        let targetColumns: [Int] = switch target {
        case .label(let column): [try index(of: column, names: names, width: width)]
        case .values(let columns): try columns.map { column throws(DataFileError) in try index(of: column, names: names, width: width) }
        }
        let featureColumns = (0..<width).filter { !targetColumns.contains($0) }
        guard !featureColumns.isEmpty else {
            throw DataFileError(path: file.path, location: .text(line: 1, column: 1),
                                message: "expected at least one feature column besides the target, found \(width) column\(width == 1 ? "" : "s") in all")
        }
        func columnName(_ column: Int) -> String { names.map { "column \($0[column].debugDescription)" } ?? "column \(column)" }

        var features: [Float] = []
        features.reserveCapacity(records.count * featureColumns.count)
        for row in records {
            for column in featureColumns {
                features.append(try number(row[column], in: columnName(column)))
            }
        }
        let examples: Dataset
        switch target {
        case .label:
            let (targets, classes) = try labels(records.map { $0[targetColumns[0]] }, in: columnName(targetColumns[0]))
            examples = Dataset(count: records.count, featureCount: featureColumns.count, features: features,
                               targetCount: 1, targets: targets, classCount: classes)
        case .values:
            var targets: [Float] = []
            for row in records {
                for column in targetColumns { targets.append(try number(row[column], in: columnName(column))) }
            }
            examples = Dataset(count: records.count, featureCount: featureColumns.count, features: features,
                               targetCount: targetColumns.count, targets: targets, classCount: nil)
        }
        return LoadedData(examples: examples)
    }

    private func index(of column: CSVColumn, names: [String]?, width: Int) throws(DataFileError) -> Int {
        switch column {
        case .name(let name):
            guard let names else {
                throw DataFileError(path: file.path, location: .text(line: 1, column: 1),
                                    message: "expected a header row to find the column \(name.debugDescription) (header: false)")
            }
            guard let index = names.firstIndex(of: name) else {
                throw DataFileError(path: file.path, location: .text(line: 1, column: 1),
                                    message: "expected a column named \(name.debugDescription); the columns are: \(names.joined(separator: ", "))")
            }
            return index
        case .index(let index):
            guard index < width else {
                throw DataFileError(path: file.path, location: .text(line: 1, column: 1),
                                    message: "expected a column index from 0 to \(width - 1), found \(index)")
            }
            return index
        }
    }

    private func number(_ cell: CSVReader.Cell, in column: String) throws(DataFileError) -> Float {
        let text = cell.text.trimmingSpaces
        guard let value = CSVNumber.value(text), Float(value).isFinite else {
            let found = text.isEmpty ? "an empty cell" : cell.text.debugDescription
            throw DataFileError(path: file.path, location: .text(line: cell.line, column: cell.column),
                                message: "expected a finite number in \(column), found \(found)")
        }
        return Float(value)
    }

    /// Class indices and the number of classes: integers as they are, names in sorted order.
    private func labels(_ cells: [CSVReader.Cell], in column: String) throws(DataFileError) -> ([Float], Int) {
        for cell in cells where cell.text.trimmingSpaces.isEmpty {
            throw DataFileError(path: file.path, location: .text(line: cell.line, column: cell.column),
                                message: "expected a label in \(column), found an empty cell")
        }
        let texts = cells.map(\.text.trimmingSpaces)
        if texts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }) {
            var indices: [Float] = []
            for (cell, text) in zip(cells, texts) {
                guard let value = Int(text), value <= Self.maximumClassIndex else {
                    throw DataFileError(path: file.path, location: .text(line: cell.line, column: cell.column),
                                        message: "expected a class index from 0 to \(Self.maximumClassIndex) in \(column), found \(text)")
                }
                indices.append(Float(value))
            }
            return (indices, Int(indices.max() ?? 0) + 1)
        }
        let classes = Set(texts).sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, Float($0)) })
        return (texts.map { index[$0]! }, classes.count)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
