/// TFRecord framing, the container of TensorBoard's event files: each record is
///
/// ```text
/// uint64 length            (little-endian)
/// uint32 masked CRC-32C of the 8 length bytes
/// byte   data[length]
/// uint32 masked CRC-32C of the data
/// ```
///
/// (see ``CRC32C`` for the checksum and its mask). A file is records one after another.
public enum TFRecord {
    /// The record that frames `data`.
    public static func framing(_ data: [UInt8]) -> [UInt8] {
        let length = littleEndianBytes(UInt64(data.count))
        return length + littleEndianBytes(CRC32C.maskedChecksum(length)) + data + littleEndianBytes(CRC32C.maskedChecksum(data))
    }

    static func littleEndianBytes<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        (0..<Integer.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
