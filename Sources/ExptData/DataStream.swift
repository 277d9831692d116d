/// The labels of the independent random streams that ExptData draws from (see
/// `SeededGenerator.init(seed:stream:)`).
///
/// A dataset and its split are drawn from the same data seed; separate streams keep them
/// independent, and keep one dataset's draws (say the blob centres) unchanged when another
/// setting (say the number of samples) changes.
enum DataStream {
    static let spiralNoise: UInt64 = 0x5350_4952    // "SPIR"
    static let blobCentres: UInt64 = 0x424C_4F43    // "BLOC"
    static let blobPoints: UInt64 = 0x424C_4F50     // "BLOP"
    static let split: UInt64 = 0x5350_4C54          // "SPLT"
    static let moons: UInt64 = 0x4D4F_4F4E          // "MOON"
    static let circles: UInt64 = 0x4349_5243        // "CIRC"
    static let xor: UInt64 = 0x584F_5221            // "XOR!"
    static let regressionWeights: UInt64 = 0x5245_4757  // "REGW"
    static let regressionPoints: UInt64 = 0x5245_4750   // "REGP"
    static let symbolSequences: UInt64 = 0x5345_5153    // "SEQS"
    static let parity: UInt64 = 0x5052_5459             // "PRTY"
    static let labelNoise: UInt64 = 0x4C4E_4F49         // "LNOI"
    static let inputNoise: UInt64 = 0x494E_4F49         // "INOI"
}
