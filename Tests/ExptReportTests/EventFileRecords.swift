import Foundation
@testable import ExptReport

/// The records of an event file: each TFRecord's data, after checking its framing (the length
/// and both masked CRCs); nil when the framing is broken.
func eventFileRecords(_ bytes: [UInt8]) -> [[UInt8]]? {
    func integer<T: FixedWidthInteger>(_ slice: ArraySlice<UInt8>) -> T {
        slice.reversed().reduce(T(0)) { $0 << 8 | T($1) }
    }
    var records: [[UInt8]] = []
    var offset = 0
    while offset < bytes.count {
        guard offset + 12 <= bytes.count else { return nil }
        let lengthBytes = bytes[offset..<offset + 8]
        let length = Int(integer(lengthBytes) as UInt64)
        guard integer(bytes[offset + 8..<offset + 12]) as UInt32 == CRC32C.maskedChecksum(lengthBytes),
              offset + 12 + length + 4 <= bytes.count else { return nil }
        let data = Array(bytes[offset + 12..<offset + 12 + length])
        guard integer(bytes[offset + 12 + length..<offset + 16 + length]) as UInt32 == CRC32C.maskedChecksum(data) else { return nil }
        records.append(data)
        offset += 16 + length
    }
    return records
}

/// The wall time of a serialized Event: its first field, `double wall_time = 1` (key 0x09, then
/// eight little-endian bytes); nil when it does not start with one.
func wallTime(ofEvent data: [UInt8]) -> Double? {
    guard data.count >= 9, data[0] == 0x09 else { return nil }
    return Double(bitPattern: data[1...8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
}
