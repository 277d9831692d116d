import ExptData
import ExptManifest

extension RunSpec {
    /// The run's settings as canonical text: JSON of the variant, the seed and the whole
    /// resolved ``RunConfig``, keys sorted. Stored as the run's `config.json`.
    public func canonicalJSON() -> String {
        // Encoding plain numbers, strings and enums cannot fail.
        try! StoreCoding.json(self)
    }

    /// The run's stable id: the first 16 hexadecimal digits (64 bits) of the SHA-256 of the
    /// numerics version and ``canonicalJSON()``. Changing any setting, the variant's name, the
    /// seed or ``NumericsVersion`` changes it.
    public var id: String {
        id(numericsVersion: NumericsVersion.current)
    }

    /// The id the run has under numerics version `version`.
    func id(numericsVersion version: Int) -> String {
        String(SHA256.hex(of: "expt numerics \(version)\n" + canonicalJSON()).prefix(16))
    }
}
