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

    public init(file: DataFile, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case file = "from", sha256
    }
}
