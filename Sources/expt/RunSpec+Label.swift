import ExptManifest

extension RunSpec {
    /// How progress lines and notes name a run: `adam seed 1`, or with its sweep point
    /// `adam [optimizer.lr=0.01] seed 1`.
    var label: String {
        let point = sweep.isEmpty ? "" : " [" + sweep.map { "\($0.keyPath)=\($0.value)" }.joined(separator: ", ") + "]"
        return "\(variant)\(point) seed \(seed)"
    }
}
