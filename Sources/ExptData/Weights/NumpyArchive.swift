import ExptConfig

/// NumPy's `.npz`: a zip of one `.npy` file per array, named `<name>.npy`. `encode` writes what
/// `np.savez` writes for float32 arrays, byte for byte (stored entries, numpy's ZIP64 local
/// fields, the DOS time 1980-01-01 00:00 that Python's `zipfile` gives entries opened for
/// writing); `decode` reads that and what `np.savez_compressed` writes (deflated entries).
///
/// Written over the zlib expt already links (raw inflate, CRC-32) rather than ZIPFoundation:
/// the subset numpy writes is about 300 lines here, with every bound checked against the file,
/// and a package pulled in for it would be a dependency of the whole store (docs/weights.md).
public enum NumpyArchive {
    /// One array with the element type its file stored it in (`<f4`, `<f8`, `<f2`, `<i8`, `<i4`).
    public struct Entry: Sendable, Equatable {
        public let array: NamedArray
        public let dtype: String
    }

    /// The bytes of an .npz holding `arrays` in order, each as float32 in C order.
    public static func encode(_ arrays: [NamedArray]) -> [UInt8] {
        var writer = ZipWriter()
        for array in arrays {
            precondition(array.shape.reduce(1, *) == array.values.count, "a named array's values must fill its shape")
            var data = NumpyHeader.encode(shape: array.shape)
            data.reserveCapacity(data.count + 4 * array.values.count)
            for value in array.values { LittleEndianBytes.append(UInt64(value.bitPattern), width: 4, to: &data) }
            writer.addStored(name: array.name + ".npy", data: data)
        }
        return writer.finish()
    }

    /// The arrays of an .npz, in the archive's order, as float32; errors name `file` and the array.
    public static func decode(_ bytes: [UInt8], file: String) throws(WeightsError) -> [NamedArray] {
        try decodeEntries(bytes, file: file).map(\.array)
    }

    /// The arrays of an .npz with the element type each was stored in.
    public static func decodeEntries(_ bytes: [UInt8], file: String) throws(WeightsError) -> [Entry] {
        let directory = try ZipDirectory(bytes, file: file)
        var entries: [Entry] = []
        var seen: Set<String> = []
        for entry in directory.entries {
            let name = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            guard seen.insert(name).inserted else { throw .array(file, name, "expected each array once, found it twice") }
            let data = try entry.data(in: bytes, file: file)
            let header = try NumpyHeader(data, array: name, file: file)
            entries.append(Entry(array: NamedArray(name: name, shape: header.shape, values: try values(data, header, name: name, file: file)),
                                 dtype: header.type.rawValue))
        }
        return entries
    }

    /// The array's elements as float32 (float64 rounded to nearest, integers converted).
    private static func values(_ data: [UInt8], _ header: NumpyHeader, name: String, file: String) throws(WeightsError) -> [Float] {
        let available = data.count - header.dataOffset
        var count = 1
        for dimension in header.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= available else {
                throw .array(file, name, "expected \(available) bytes of data to hold the shape \(shapeText(header.shape)), found fewer")
            }
            count = product
        }
        let width = header.type.byteCount
        guard count * width == available else {
            throw .array(file, name, "expected \(count * width) bytes of data for the shape \(shapeText(header.shape)) of \(header.type.rawValue), found \(available)")
        }
        return (0..<count).map { index in
            let bits = LittleEndianBytes.read(data, at: header.dataOffset + index * width, width: width)
            return switch header.type {
            case .float32: Float(bitPattern: UInt32(bits))
            case .float64: Float(Double(bitPattern: bits))
            case .float16: Float(Float16(bitPattern: UInt16(bits)))
            case .int64: Float(Int64(bitPattern: bits))
            case .int32: Float(Int32(truncatingIfNeeded: bits))
            }
        }
    }

    /// A shape as torch prints it: `[2, 3]`, `[]` for a scalar.
    public static func shapeText(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}
