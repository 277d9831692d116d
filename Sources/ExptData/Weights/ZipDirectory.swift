/// The entries of a zip file as its central directory lists them, read with every offset and
/// size checked against the file: what `np.savez` (stored entries) and `np.savez_compressed`
/// (deflated entries) write, with the ZIP64 fields numpy adds (`force_zip64`) and those of
/// files past 4 GiB. Multi-disk archives and encrypted entries are refused.
struct ZipDirectory {
    /// One file in the archive, where its data lies and how it is stored.
    struct Entry {
        let name: String
        /// 0 (stored) or 8 (deflated); other methods are refused when the entry is read.
        let method: Int
        let crc32: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
        let flags: Int
    }

    let entries: [Entry]

    private static let endSignature = 0x0605_4B50, end64Signature = 0x0606_4B50, locatorSignature = 0x0706_4B50
    private static let centralSignature = 0x0201_4B50, localSignature = 0x0403_4B50

    /// The directory of `bytes`, or an error naming `file` and what was expected.
    init(_ bytes: [UInt8], file: String) throws(WeightsError) {
        typealias B = LittleEndianBytes
        // The end-of-central-directory record: 22 bytes and a comment of at most 65535.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var end = bytes.count - 22
        while end >= lowest && B.u32(bytes, at: end) != Self.endSignature { end -= 1 }
        guard end >= lowest else {
            throw .file(file, "expected a zip file (a NumPy .npz), found no end-of-central-directory record")
        }
        guard B.u16(bytes, at: end + 4) == 0, B.u16(bytes, at: end + 6) == 0 else {
            throw .file(file, "expected a zip file on one disk, found a multi-disk archive")
        }
        var count = B.u16(bytes, at: end + 10)
        var directorySize = B.u32(bytes, at: end + 12)
        var directoryOffset = B.u32(bytes, at: end + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard B.has(bytes, 20, at: locator), B.u32(bytes, at: locator) == Self.locatorSignature else {
                throw .file(file, "expected a ZIP64 end-of-central-directory locator before the end record, found none")
            }
            let record = B.u64(bytes, at: locator + 8)
            guard B.has(bytes, 56, at: record), B.u32(bytes, at: record) == Self.end64Signature else {
                throw .file(file, "expected a ZIP64 end-of-central-directory record at offset \(record), found none")
            }
            count = B.u64(bytes, at: record + 32)
            directorySize = B.u64(bytes, at: record + 40)
            directoryOffset = B.u64(bytes, at: record + 48)
        }
        guard B.has(bytes, directorySize, at: directoryOffset) else {
            throw .file(file, "expected the central directory (\(directorySize) bytes at offset \(directoryOffset)) within the file's \(bytes.count) bytes")
        }
        // Each entry takes at least 46 bytes, so a lying count cannot make a large array.
        guard count <= directorySize / 46 else {
            throw .file(file, "expected at most \(directorySize / 46) entries in a \(directorySize)-byte central directory, found a count of \(count)")
        }
        var entries: [Entry] = []
        var offset = directoryOffset
        for _ in 0..<count {
            guard B.has(bytes, 46, at: offset), B.u32(bytes, at: offset) == Self.centralSignature else {
                throw .file(file, "expected a central directory entry at offset \(offset), found none")
            }
            let nameLength = B.u16(bytes, at: offset + 28), extraLength = B.u16(bytes, at: offset + 30)
            let commentLength = B.u16(bytes, at: offset + 32)
            guard B.has(bytes, nameLength + extraLength + commentLength, at: offset + 46) else {
                throw .file(file, "expected a central directory entry's name and fields within the file, found the file ending")
            }
            let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            var size = B.u32(bytes, at: offset + 24), compressedSize = B.u32(bytes, at: offset + 20)
            var localHeaderOffset = B.u32(bytes, at: offset + 42)
            try Self.readZip64(bytes, extra: offset + 46 + nameLength, length: extraLength, size: &size,
                               compressedSize: &compressedSize, localHeaderOffset: &localHeaderOffset, file: file, name: name)
            entries.append(Entry(name: name, method: B.u16(bytes, at: offset + 10), crc32: UInt32(B.u32(bytes, at: offset + 16)),
                                 compressedSize: compressedSize, size: size, localHeaderOffset: localHeaderOffset,
                                 flags: B.u16(bytes, at: offset + 8)))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// Replaces the 32-bit fields that are 0xFFFFFFFF by the 64-bit values of the ZIP64 extra
    /// field (tag 1), which holds only those, in this order.
    private static func readZip64(_ bytes: [UInt8], extra: Int, length: Int, size: inout Int, compressedSize: inout Int,
                                  localHeaderOffset: inout Int, file: String, name: String) throws(WeightsError) {
        typealias B = LittleEndianBytes
        var field = extra
        while field + 4 <= extra + length {
            let tag = B.u16(bytes, at: field), fieldLength = B.u16(bytes, at: field + 2)
            guard field + 4 + fieldLength <= extra + length else { break }
            if tag == 1 {
                var cursor = field + 4
                func next(_ value: inout Int) throws(WeightsError) {
                    guard value == 0xFFFF_FFFF else { return }
                    guard cursor + 8 <= field + 4 + fieldLength else {
                        throw .array(file, name, "expected a 64-bit size or offset in the ZIP64 extra field, found the field ending")
                    }
                    value = B.u64(bytes, at: cursor)
                    cursor += 8
                }
                try next(&size)
                try next(&compressedSize)
                try next(&localHeaderOffset)
                return
            }
            field += 4 + fieldLength
        }
        if size == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || localHeaderOffset == 0xFFFF_FFFF {
            throw .array(file, name, "expected a ZIP64 extra field for its 64-bit sizes, found none")
        }
    }
}
