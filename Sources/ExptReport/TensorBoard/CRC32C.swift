/// CRC-32C (Castagnoli), the checksum of TFRecord framing, and TensorFlow's masked form of it.
///
/// The CRC is the remainder of the message, read least significant bit first, divided by the
/// polynomial 0x1EDC6F41 (reflected: 0x82F63B78), starting from 0xFFFFFFFF and inverted at the
/// end; a table of the 256 one-byte remainders steps it a byte at a time. Check value:
/// `"123456789"` gives 0xE3069283.
///
/// Masking (TensorFlow's `crc32c::Mask`) rotates the CRC right by 15 bits and adds 0xA282EAD8,
/// so that a CRC stored inside data that is itself checksummed does not make a fixed point.
public enum CRC32C {
    /// The reflected Castagnoli polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// The remainder of each byte value, for stepping the CRC one byte at a time.
    static let table: [UInt32] = (0..<256).map { byte in
        var remainder = UInt32(byte)
        for _ in 0..<8 {
            remainder = remainder & 1 == 1 ? (remainder >> 1) ^ polynomial : remainder >> 1
        }
        return remainder
    }

    /// The CRC-32C of `bytes`.
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// The masked CRC-32C of `bytes`: the CRC rotated right by 15 bits, plus 0xA282EAD8 (mod 2³²).
    public static func maskedChecksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        mask(checksum(bytes))
    }

    /// `crc` rotated right by 15 bits, plus 0xA282EAD8 (mod 2³²).
    public static func mask(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
