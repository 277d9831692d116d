import ExptConfig
import ExptEngine

/// What tells the symbol-sequence tasks apart: their names and the target sequence each
/// gives for an input sequence.
public protocol SymbolTask: Sendable {
    static var name: String { get }
    /// What the target is, for the summary: `the input itself`.
    static var targetText: String { get }
    /// The target at each position for the input `symbols`: as many as the input.
    static func targets(_ symbols: [Int]) -> [Int]
}

/// Sequences of `length` symbols drawn uniformly from 0…`vocabulary`−1, each a token id stored
/// as `Float` (featureShape [length]), with a class at every position (targetCount = length,
/// classCount = vocabulary): the `Task`'s rearrangement of the input (``CopyTask``,
/// ``ReverseTask``, ``SortTask``). Only the last two need attention to the whole sequence (a
/// causal model cannot know the later symbols at the first positions).
///
/// Example after example and position after position, each symbol is
/// `nextInt(below: vocabulary)` of the data seed's symbol-sequences stream.
public struct SymbolSequenceSettings<Task: SymbolTask>: GeneratedDataset {
    public static var name: String { Task.name }
    public static var summary: String { "Sequences of symbols; the target at each position is \(Task.targetText)." }
    public static var settings: [Hyperparameter<Self>] {
        [.samples(\.samples, "Sequences."),
         Hyperparameter("length", .integer(\.length, 1...DatasetLimits.maximumFeatures), "Symbols per sequence."),
         Hyperparameter("vocabulary", .integer(\.vocabulary, 2...DatasetLimits.maximumClasses), "Distinct symbols: the classes.")]
    }

    /// Sequences. Default 1000.
    public var samples = 1000
    /// Symbols per sequence. Default 8.
    public var length = 8
    /// Distinct symbols. Default 10.
    public var vocabulary = 10

    public init() {}

    public init(samples: Int, length: Int, vocabulary: Int) {
        self.samples = samples
        self.length = length
        self.vocabulary = vocabulary
    }

    public var classCount: Int? { vocabulary }
    public var targetCount: Int { length }
    public var inputShape: [Int]? { [length] }
    public var vocabularySize: Int? { vocabulary }

    public func generate(seed: UInt64) -> Dataset {
        var random = SeededGenerator(seed: seed, stream: DataStream.symbolSequences)
        var features: [Float] = []
        var targets: [Float] = []
        for _ in 0..<max(samples, 0) {
            let symbols = (0..<length).map { _ in random.nextInt(below: vocabulary) }
            features += symbols.map(Float.init)
            targets += Task.targets(symbols).map(Float.init)
        }
        return Dataset(count: max(samples, 0), featureCount: length, features: features,
                       targetCount: length, targets: targets, classCount: vocabulary)
    }
}
