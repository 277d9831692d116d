/// The IDX format of MNIST, Fashion-MNIST, KMNIST and EMNIST: a 4-byte magic number
/// (0x00, 0x00, the type 0x08 for unsigned bytes, the number of dimensions), each dimension as
/// a 4-byte big-endian integer, then the values, row-major.
struct IDXFile {
    /// The dimensions, the count of examples first.
    var dimensions: [Int]
    /// The values after the header.
    var values: ArraySlice<UInt8>

    /// The bytes of a header with `rank` dimensions.
    static func headerSize(rank: Int) -> Int { 4 + 4 * rank }

    /// Reads the header of `bytes` (the whole file, or its first bytes when `complete` is
    /// false), which must hold unsigned bytes with `rank` dimensions; when complete, checks
    /// that exactly the values the header announces follow it (`bytes` may stop one byte after
    /// them: a reader need not read further to know the file is too long).
    init(_ bytes: [UInt8], rank: Int, file: DataFile, complete: Bool = true) throws(DataFileError) {
        func fail(_ offset: Int, _ message: String) -> DataFileError {
            DataFileError(path: file.path, location: .byte(offset), message: message)
        }
        let expectedMagic: [UInt8] = [0, 0, 0x08, UInt8(rank)]
        let what = "the IDX magic number \(Self.hex(expectedMagic)) (unsigned bytes, \(rank) dimension\(rank == 1 ? "" : "s"))"
        guard bytes.count >= 4 else {
            throw fail(bytes.count, "expected \(what), the file ends after \(bytes.count) byte\(bytes.count == 1 ? "" : "s")")
        }
        guard Array(bytes[0..<4]) == expectedMagic else {
            throw fail(0, "expected \(what), found \(Self.hex(Array(bytes[0..<4])))")
        }
        let size = Self.headerSize(rank: rank)
        guard bytes.count >= size else {
            throw fail(bytes.count, "expected a header of \(size) bytes (the magic number and \(rank) dimension\(rank == 1 ? "" : "s")), the file ends after \(bytes.count) bytes")
        }
        var dimensions: [Int] = []
        var total = 1
        for index in 0..<rank {
            let offset = 4 + 4 * index
            let value = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard value > 0 else { throw fail(offset, "expected a positive size of dimension \(index + 1), found 0") }
            dimensions.append(value)
            let (product, overflow) = total.multipliedReportingOverflow(by: value)
            guard !overflow else {
                let sizes = dimensions.map(String.init).joined(separator: " x ")
                throw fail(offset, "expected dimensions whose product is at most \(Int.max), found \(sizes)")
            }
            total = product
        }
        let available = bytes.count - size
        if complete && available != total {
            let product = dimensions.map(String.init).joined(separator: " x ")
            if available < total {
                throw fail(bytes.count, "expected \(total) bytes of values (\(product)) after the \(size)-byte header, the file ends after \(available)")
            }
            throw fail(size + total, "expected the file to end after \(total) bytes of values (\(product)), found more bytes")
        }
        self.dimensions = dimensions
        values = bytes[size...]
    }

    /// `0x00000803`.
    static func hex(_ bytes: [UInt8]) -> String {
        "0x" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
