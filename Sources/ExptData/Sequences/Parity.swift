import ExptConfig
import ExptEngine

/// Sequences of `length` bits, each the token id 0 or 1 stored as `Float` (featureShape
/// [length], a vocabulary of 2), classed by their parity: 1 when the number of ones is odd
/// (targetCount 1, classCount 2: one class for the sequence, read at its last position).
///
/// Example after example and bit after bit, each bit is `nextInt(below: 2)` of the data
/// seed's parity stream.
public struct ParitySettings: GeneratedDataset {
    public static let name = "parity"
    public static let summary = "Sequences of bits, classed by whether the number of ones is odd."
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Sequences."),
         Hyperparameter("length", .integer(\.length, 1...DatasetLimits.maximumFeatures), "Bits per sequence.")]
    }

    /// Sequences. Default 1000.
    public var samples = 1000
    /// Bits per sequence. Default 8.
    public var length = 8

    public init() {}

    public init(samples: Int, length: Int) {
        self.samples = samples
        self.length = length
    }

    public var classCount: Int? { 2 }
    public var inputShape: [Int]? { [length] }
    public var vocabularySize: Int? { 2 }

    public func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.parity)
        var features: [Float] = []
        var targets: [Float] = []
        for _ in 0..<max(samples, 0) {
            let bits = (0..<length).map { _ in random.nextInt(below: 2) }
            features += bits.map(Float.init)
            targets.append(Float(bits.reduce(0, +) % 2))
        }
        return Dataset(count: max(samples, 0), featureCount: length, features: features,
                       targetCount: 1, targets: targets, classCount: 2)
    }
}
