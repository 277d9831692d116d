import ExptManifest

/// What `expt compare` calls an optimizer: each experiment's variant names, or the name of
/// the optimizer each variant trains with (`adam`, or the manifest's own name for it), which
/// lines up experiments whose variants are named differently.
public enum CompareGrouping: String, CaseIterable, Sendable {
    case variant
    case optimizer

    /// The name `variant` is compared under.
    func name(of variant: Variant) -> String {
        switch self {
        case .variant: variant.name
        case .optimizer: variant.optimizerName ?? variant.config.optimizer.name
        }
    }
}
