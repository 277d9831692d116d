/// `report`: what the results folder holds beyond the report.
///
/// ```yaml
/// report: {tensorboard: true}   # TensorBoard event files in results/<name>/tensorboard/; default false
/// ```
extension ManifestDecoder {
    static let reportKeys = ["tensorboard"]

    func reportSettings(_ tree: Tree) -> ReportSettings? {
        guard let fields = fields(tree, allowed: Self.reportKeys) else { return nil }
        let start = errorCount
        let tensorboard = fields.optional("tensorboard").flatMap { bool($0) } ?? false
        guard errorCount == start else { return nil }
        return ReportSettings(tensorboard: tensorboard)
    }
}
