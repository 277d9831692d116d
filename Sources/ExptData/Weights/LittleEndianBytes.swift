/// Little-endian integers read from and appended to byte arrays: the zip and .npy formats
/// store every number that way. Reads are bounds-checked by the caller's `has(_:at:)` first.
enum LittleEndianBytes {
    /// Whether `bytes` hold `count` bytes from `offset` (no overflow for hostile offsets).
    static func has(_ bytes: [UInt8], _ count: Int, at offset: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= bytes.count && count <= bytes.count - offset
    }

    /// The `width`-byte unsigned integer at `offset` (which the caller has checked).
    static func read(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in stride(from: width - 1, through: 0, by: -1) {
            value = value << 8 | UInt64(bytes[offset + index])
        }
        return value
    }

    static func u16(_ bytes: [UInt8], at offset: Int) -> Int { Int(read(bytes, at: offset, width: 2)) }
    static func u32(_ bytes: [UInt8], at offset: Int) -> Int { Int(read(bytes, at: offset, width: 4)) }
    /// A 64-bit size or offset; values past `Int.max` come back as `Int.max` (larger than any file).
    static func u64(_ bytes: [UInt8], at offset: Int) -> Int {
        let value = read(bytes, at: offset, width: 8)
        return value > UInt64(Int.max) ? Int.max : Int(value)
    }

    /// Appends the low `width` bytes of `value`, least significant first.
    static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for index in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))))
        }
    }
}
