/// The header of a `.npy` array: the magic string `\x93NUMPY`, a version (1.0: a 2-byte header
/// length; 2.0 and 3.0: 4 bytes), then a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`, padded with spaces and a
/// newline so that the data starts at a multiple of 64 bytes.
struct NumpyHeader: Equatable {
    /// The element types read: little-endian floats of 4, 8 or 2 bytes, and integers of 8 or 4
    /// bytes (torch's `num_batches_tracked` is int64). All become float32; only `<f4` is written.
    enum ElementType: String, CaseIterable {
        case float32 = "<f4", float64 = "<f8", float16 = "<f2", int64 = "<i8", int32 = "<i4"

        var byteCount: Int {
            switch self {
            case .float32, .int32: 4
            case .float64, .int64: 8
            case .float16: 2
            }
        }
    }

    var type: ElementType
    var shape: [Int]
    /// Where the data starts, from the start of the .npy bytes.
    var dataOffset: Int

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// numpy leaves room for the first dimension to grow to 21 digits in place.
    static let growthDigits = 21

    /// The header as numpy 1.22 and later write it for a float32 array of `shape` in C order,
    /// version 1.0 (expt's arrays never need a header past 65535 bytes).
    static func encode(shape: [Int]) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var text = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
        if let first = shape.first { text += String(repeating: " ", count: max(0, growthDigits - String(first).count)) }
        let unpadded = magic.count + 2 + 2 + text.utf8.count + 1
        text += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0]
        LittleEndianBytes.append(UInt64(text.utf8.count), width: 2, to: &bytes)
        return bytes + Array(text.utf8)
    }

    /// The header of `bytes` (one .npy file), every field checked; `array` and `file` name it in errors.
    init(_ bytes: [UInt8], array: String, file: String) throws(WeightsError) {
        typealias B = LittleEndianBytes
        guard B.has(bytes, 8, at: 0), Array(bytes[0..<6]) == Self.magic else {
            throw .array(file, array, "expected a .npy array starting with \\x93NUMPY, found other bytes")
        }
        let lengthWidth: Int
        switch bytes[6] {
        case 1: lengthWidth = 2
        case 2, 3: lengthWidth = 4
        default: throw .array(file, array, "expected .npy format version 1, 2 or 3, found \(bytes[6]).\(bytes[7])")
        }
        guard B.has(bytes, lengthWidth, at: 8) else { throw .array(file, array, "expected a header length, found the array ending") }
        let length = Int(B.read(bytes, at: 8, width: lengthWidth))
        guard B.has(bytes, length, at: 8 + lengthWidth) else {
            throw .array(file, array, "expected a \(length)-byte header, found \(bytes.count - 8 - lengthWidth) bytes")
        }
        let text = String(decoding: bytes[8 + lengthWidth..<8 + lengthWidth + length], as: UTF8.self)
        var dictionary: [String: NumpyHeaderLiteral.Value]
        do {
            dictionary = try NumpyHeaderLiteral.parse(text)
        } catch {
            throw .array(file, array, "in the header: \(error.message)")
        }
        guard case .text(let descr) = dictionary["descr"] else {
            throw .array(file, array, "expected a 'descr' string in the header, found none")
        }
        guard let type = ElementType(rawValue: descr) else {
            let known = ElementType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw .array(file, array, "expected the element type \(known), found '\(descr)'")
        }
        guard case .flag(let fortranOrder) = dictionary["fortran_order"] else {
            throw .array(file, array, "expected 'fortran_order' True or False in the header, found none")
        }
        guard !fortranOrder else {
            throw .array(file, array, "expected C order (fortran_order False), found Fortran order: save np.ascontiguousarray(a)")
        }
        guard case .integers(let shape) = dictionary["shape"] else {
            throw .array(file, array, "expected a 'shape' tuple of integers in the header, found none")
        }
        self.type = type
        self.shape = shape
        self.dataOffset = 8 + lengthWidth + length
    }
}
