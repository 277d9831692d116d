@testable import ExptEngine

/// Inputs that reach every branch and edge of exp, tanh and the logistic function: ±0, the
/// subnormals, the clamps of exp (−87.3, 88.3), tanh's switch at |x| = 0.625, the largest
/// floats, ±infinity and NaNs (quiet, negative, signalling), then a dense sweep of every
/// 16411th bit pattern (all signs and exponents, 261,712 values).
enum BitSweep {
    static let edges: [Float] = [
        0, -0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
        1e-30, -1e-30, 1e-3, -1e-3, 0.5, -0.5, 0.625, -0.625, Float(0.625).nextDown, -Float(0.625).nextDown,
        Float(0.625).nextUp, 1, -1, 3, -3, 9, -9, 20, -20, 87.3, -87.3, 88.3, -88.3, 88.4, -87.4, 100, -100,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity,
        .nan, -.nan, .signalingNaN, Float(bitPattern: 0x7FC0_1234),
    ]

    static let dense: [Float] = stride(from: UInt64(0), to: 1 << 32, by: 16411).map { Float(bitPattern: UInt32($0)) }

    /// FNV-1a over the bit patterns of `values`.
    static func checksum(_ values: some Sequence<Float>) -> UInt64 {
        values.reduce(0xCBF2_9CE4_8422_2325) { hash, value in
            var hash = hash
            for byte in 0..<4 {
                hash = (hash ^ UInt64((value.bitPattern >> (8 * UInt32(byte))) & 0xFF)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    /// The bit patterns of `values`, in hexadecimal, for readable expectations.
    static func hex(_ values: [Float]) -> [String] {
        values.map { "0x" + String($0.bitPattern, radix: 16, uppercase: true) }
    }
}
