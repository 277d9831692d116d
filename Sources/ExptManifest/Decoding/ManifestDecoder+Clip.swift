import ExptOptim

/// `clip`: gradient clipping, as torch.nn.utils.clip_grad_norm_ and clip_grad_value_.
///
/// ```yaml
/// clip: {norm: 1.0}              # global L2 norm over all parameters, > 0
/// clip: {value: 0.5}             # each element into [-0.5, 0.5], > 0
/// clip: {norm: 1.0, value: 0.5}  # both: the norm first, then the values
/// ```
extension ManifestDecoder {
    static let clipKeys = ["norm", "value"]

    func clipping(_ tree: Tree) -> GradientClipping? {
        guard let fields = fields(tree, allowed: Self.clipKeys) else { return nil }
        let start = errorCount
        let normTree = fields.optional("norm")
        let valueTree = fields.optional("value")
        if normTree == nil && valueTree == nil {
            error(tree, "missing required key \"norm\" or \"value\"")
            return nil
        }
        let norm = normTree.flatMap { number($0, .positive) }
        let value = valueTree.flatMap { number($0, .positive) }
        guard errorCount == start else { return nil }
        return GradientClipping(maxNorm: norm, maxValue: value)
    }
}
