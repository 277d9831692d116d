/// The weights file of `init.from` in a results folder: `expt run` keeps a copy as
/// `weights/<sha256>.npz`, and the recorded manifest says so in a comment after it, so that
/// `expt report` decodes the manifest (and finds the same run ids) without the original file.
extension RecordedManifest {
    static let keptWeightsPrefix = "# expt keeps the file of init.from as "

    /// The copy's path in the results folder for weights of SHA-256 `sha256`.
    public static func keptWeightsPath(sha256: String) -> String {
        "weights/\(sha256).npz"
    }

    /// The comment line recording the copy at `keptPath`.
    static func keptWeightsLine(_ keptPath: String) -> String {
        keptWeightsPrefix + keptPath
    }

    /// The copy's path recorded in `text`, relative to its folder; nil when it records none.
    static func keptWeights(in text: String) -> String? {
        text.split(separator: "\n").last { $0.hasPrefix(keptWeightsPrefix) }.map { String($0.dropFirst(keptWeightsPrefix.count)) }
    }
}
