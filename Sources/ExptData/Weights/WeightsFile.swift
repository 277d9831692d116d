import ExptConfig

/// A weights file a manifest names (`init: {from: w.npz}`): the SHA-256 of its bytes, which
/// a run's id records, and its arrays, as NumPy's `.npz` holds them (``NumpyArchive``).
public enum WeightsFile {
    /// The largest weights file read: 4 GiB, NumPy's `.npz` of a billion float32 values.
    public static let maximumBytes = 1 << 32

    /// Reads `file`; a missing, unreadable or malformed file is an error naming it as the
    /// manifest writes it.
    public static func read(_ file: DataFile) throws(WeightsError) -> (sha256: String, arrays: [NamedArray]) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: file, limit: maximumBytes, reason: "the largest weights file expt reads")
        } catch {
            throw WeightsError(error.description)
        }
        return (SHA256.hex(of: bytes), try NumpyArchive.decode(bytes, file: file.path))
    }
}
