import ExptConfig

/// A character-level corpus: a UTF-8 file, its characters (Unicode scalars) numbered by the
/// vocabulary, the sorted distinct characters of the file (id i is the i-th smallest code
/// point). The text of N characters c₀ … c_{N−1} is cut into W = ⌊(N − 1)/T⌋ windows of T + 1
/// characters, T = `context`, window k starting at character kT: its input is the ids of
/// c_{kT} … c_{kT+T−1} (featureShape [T]), its target the next character at every position,
/// c_{kT+1} … c_{kT+T} (targetCount T, classCount the vocabulary's size). The trailing
/// N − 1 − WT characters are left out.
///
/// The windows stay in order (``splitsInOrder``): the first of them train, the last
/// `data.validation` of them validate, so the split is by position in the text, and no
/// character a training window predicts is predicted by a validation window.
public struct TextSettings: DatasetKind {
    public static let name = "text"
    public static let summary = "A UTF-8 text file, as windows of characters each predicting the next (a character model)."
    public static var settings: [Hyperparameter<Self>] {
        [.file("path", \.file, required: true, "The UTF-8 text file."),
         Hyperparameter("context", .integer(\.context, 1...DatasetLimits.maximumFeatures), "Characters per window (T).")]
    }

    /// The most memory a byte of the file takes while it is read, at worst (a byte a
    /// character): the byte, its scalar (4), its id (8), its input and target values (4 + 4).
    static let memoryPerByte = 21

    /// The file; nil only before a manifest names it.
    public var file: DataFile?
    /// Characters per window. Default 64.
    public var context = 64

    public init() {}

    public init(file: DataFile, context: Int = 64) {
        self.file = file
        self.context = context
    }

    public var classCount: Int? { nil }
    public var inputShape: [Int]? { nil }
    public var targetCount: Int { context }
    public var dataFiles: [DataFile] { file.map { [$0] } ?? [] }
    public var splitsInOrder: Bool { true }

    public func load(seed: UInt64) throws(DataFileError) -> LoadedData {
        let (ids, vocabulary) = try read()
        let windows = (ids.count - 1) / context
        var features: [Float] = []
        var targets: [Float] = []
        features.reserveCapacity(windows * context)
        targets.reserveCapacity(windows * context)
        for start in stride(from: 0, to: windows * context, by: context) {
            features += ids[start..<(start + context)].map(Float.init)
            targets += ids[(start + 1)...(start + context)].map(Float.init)
        }
        return LoadedData(examples: Dataset(count: windows, featureCount: context, features: features,
                                            targetCount: context, targets: targets, classCount: vocabulary.count))
    }

    /// Reads the whole file: only all of it tells the vocabulary.
    public func inspect() throws(DataFileError) -> DataFileSummary? {
        let vocabulary = try read().vocabulary
        return DataFileSummary(featureShape: [context], classes: vocabulary.count, targets: context,
                               vocabulary: String(String.UnicodeScalarView(vocabulary)))
    }

    /// Each character's id, and the vocabulary in id order.
    private func read() throws(DataFileError) -> (ids: [Int], vocabulary: [Unicode.Scalar]) {
        guard let file else {
            throw DataFileError(path: "", location: .file, message: "expected a text file, found none")
        }
        let reason = "a text takes up to \(Self.memoryPerByte) bytes of memory per byte while it is read, and the memory budget of a dataset is \(MemoryBudget.limitDescription)"
        let scalars = try UTF8Text.scalars(try FileBytes.contents(of: file, limit: MemoryBudget.bytes / Self.memoryPerByte, reason: reason),
                                           file: file)
        guard scalars.count > context else {
            throw DataFileError(path: file.path, location: .file,
                                message: "expected at least \(context + 1) characters (context + 1), found \(scalars.count)")
        }
        let vocabulary = Set(scalars).sorted { $0.value < $1.value }
        guard vocabulary.count <= DatasetLimits.maximumClasses else {
            throw DataFileError(path: file.path, location: .file,
                                message: "expected at most \(DatasetLimits.maximumClasses) distinct characters, found \(vocabulary.count)")
        }
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        return (scalars.map { id[$0]! }, vocabulary)
    }
}
