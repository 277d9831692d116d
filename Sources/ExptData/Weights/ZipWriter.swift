import CZlib

/// A zip of stored (uncompressed) entries laid out as Python's `zipfile` lays out what
/// `np.savez` writes: each local header with version 4.5, DOS time 0 and date 1980-01-01,
/// sizes 0xFFFFFFFF and a ZIP64 extra field holding them (numpy opens entries with
/// `force_zip64`); the central directory with the 32-bit sizes, made by Unix 4.5, mode 0600.
/// Archives past 4 GiB (which need ZIP64 in the directory too) are not written.
struct ZipWriter {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    private static let version: UInt64 = 45, dosDate: UInt64 = 0x21

    /// Appends `data` as the entry `name`.
    mutating func addStored(name: String, data: [UInt8]) {
        let offset = bytes.count
        precondition(offset + data.count < 0xFFFF_FFFF, "an .npz past 4 GiB needs ZIP64 directory fields, which ZipWriter does not write")
        let checksum = data.withUnsafeBufferPointer { UInt64(crc32_z(0, $0.baseAddress, $0.count)) }
        let nameBytes = Array(name.utf8)
        func append(_ value: UInt64, _ width: Int, to target: inout [UInt8]) { LittleEndianBytes.append(value, width: width, to: &target) }
        // The local header.
        append(0x0403_4B50, 4, to: &bytes)
        append(Self.version, 2, to: &bytes)
        append(0, 2, to: &bytes)  // flags
        append(0, 2, to: &bytes)  // method: stored
        append(0, 2, to: &bytes)  // time
        append(Self.dosDate, 2, to: &bytes)
        append(checksum, 4, to: &bytes)
        append(0xFFFF_FFFF, 4, to: &bytes)
        append(0xFFFF_FFFF, 4, to: &bytes)
        append(UInt64(nameBytes.count), 2, to: &bytes)
        append(20, 2, to: &bytes)
        bytes += nameBytes
        append(1, 2, to: &bytes)  // the ZIP64 extra field: size, then compressed size
        append(16, 2, to: &bytes)
        append(UInt64(data.count), 8, to: &bytes)
        append(UInt64(data.count), 8, to: &bytes)
        bytes += data
        // The central directory entry.
        append(0x0201_4B50, 4, to: &directory)
        append(3 << 8 | Self.version, 2, to: &directory)
        append(Self.version, 2, to: &directory)
        append(0, 2, to: &directory)
        append(0, 2, to: &directory)
        append(0, 2, to: &directory)
        append(Self.dosDate, 2, to: &directory)
        append(checksum, 4, to: &directory)
        append(UInt64(data.count), 4, to: &directory)
        append(UInt64(data.count), 4, to: &directory)
        append(UInt64(nameBytes.count), 2, to: &directory)
        append(0, 2, to: &directory)  // extra
        append(0, 2, to: &directory)  // comment
        append(0, 2, to: &directory)  // disk
        append(0, 2, to: &directory)  // internal attributes
        append(0o600 << 16, 4, to: &directory)
        append(UInt64(offset), 4, to: &directory)
        directory += nameBytes
        count += 1
    }

    /// The archive: the entries, the central directory, the end record.
    mutating func finish() -> [UInt8] {
        let directoryOffset = bytes.count
        var result = bytes + directory
        func append(_ value: UInt64, _ width: Int) { LittleEndianBytes.append(value, width: width, to: &result) }
        append(0x0605_4B50, 4)
        append(0, 2)
        append(0, 2)
        append(UInt64(count), 2)
        append(UInt64(count), 2)
        append(UInt64(directory.count), 4)
        append(UInt64(directoryOffset), 4)
        append(0, 2)
        return result
    }
}
