import ExptConfig
import ExptData

/// The weights a run starts from instead of its seed's initialisation (`init: {from: w.npz}`):
/// a PyTorch `state_dict` as NumPy's `.npz` (docs/weights.md). A run's config (and so its id)
/// holds the path as the manifest writes it and the SHA-256 of the file's bytes: other
/// weights under the same name are other runs.
public struct InitialWeights: Sendable, Equatable, Codable {
    /// The file, relative to the manifest's folder.
    public var file: DataFile
    /// The SHA-256 of the file's bytes, as 64 lowercase hexadecimal digits.
    public var sha256: String
    /// The layers (indices into the manifest's `model`) whose arrays are loaded; nil loads
    /// every array of the file (and leaves the key out of the canonical JSON).
    public var layers: [Int]?

    public init(file: DataFile, sha256: String, layers: [Int]? = nil) {
        self.file = file
        self.sha256 = sha256
        self.layers = layers
    }

    enum CodingKeys: String, CodingKey {
        case file = "from", sha256, layers
    }

    /// The arrays of `arrays` that are loaded: those of ``layers`` (by the index their name
    /// starts with, `2` of `2.weight`), or all.
    public func selected(_ arrays: [NamedArray]) -> [NamedArray] {
        guard let layers else { return arrays }
        return arrays.filter { Self.layer(of: $0.name).map(layers.contains) ?? false }
    }

    /// The layer index an array's name starts with; nil when it starts with none.
    static func layer(of name: String) -> Int? {
        name.split(separator: ".", maxSplits: 1).first.flatMap { Int($0) }
    }
}
