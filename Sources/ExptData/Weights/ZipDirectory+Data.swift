import CZlib

extension ZipDirectory.Entry {
    /// Deflate never makes data smaller than about 1/1032 of its size: an entry that claims
    /// more is lying, and is refused before anything is allocated for it.
    static let largestDeflateRatio = 1032

    /// The entry's uncompressed bytes, from its local header on: stored (method 0) or deflated
    /// (method 8), checked against the directory's size and CRC-32.
    func data(in bytes: [UInt8], file: String) throws(WeightsError) -> [UInt8] {
        typealias B = LittleEndianBytes
        guard B.has(bytes, 30, at: localHeaderOffset), B.u32(bytes, at: localHeaderOffset) == 0x0403_4B50 else {
            throw .array(file, name, "expected a local file header at offset \(localHeaderOffset), found none")
        }
        guard flags & 1 == 0 else { throw .array(file, name, "expected an unencrypted entry, found an encrypted one") }
        let start = localHeaderOffset + 30 + B.u16(bytes, at: localHeaderOffset + 26) + B.u16(bytes, at: localHeaderOffset + 28)
        guard B.has(bytes, compressedSize, at: start) else {
            throw .array(file, name, "expected \(compressedSize) bytes of data at offset \(start), found the file ending")
        }
        let stored = bytes[start..<start + compressedSize]
        let data: [UInt8]
        switch method {
        case 0:
            guard size == compressedSize else {
                throw .array(file, name, "expected a stored entry's size (\(size)) to equal its stored size (\(compressedSize))")
            }
            data = Array(stored)
        case 8:
            // compressedSize is within the file, so the product cannot overflow.
            guard size <= compressedSize * Self.largestDeflateRatio + 64 else {
                throw .array(file, name, "expected at most \(Self.largestDeflateRatio) times its \(compressedSize) compressed bytes, found a size of \(size)")
            }
            switch RawInflate.inflate(stored, size: size) {
            case .success(let inflated): data = inflated
            case .failure(let failure): throw .array(file, name, failure.message)
            }
        default:
            throw .array(file, name, "expected a stored (0) or deflated (8) entry, found compression method \(method)")
        }
        let checksum = data.withUnsafeBufferPointer { UInt32(CZlib.crc32_z(0, $0.baseAddress, $0.count)) }
        guard checksum == crc32 else {
            throw .array(file, name, "expected the CRC-32 \(Self.hex(crc32)) of the directory, found \(Self.hex(checksum))")
        }
        return data
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
