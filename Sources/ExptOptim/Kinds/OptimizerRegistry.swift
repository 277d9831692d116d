import ExptConfig

/// Every optimizer a manifest can name, listed once: the decoder, the schema, `expt list` and
/// the docs take the optimizers from here, in this order. Adding an optimizer is its file and
/// one line here.
public enum OptimizerRegistry {
    public static let kinds: [any OptimizerKind.Type] = [
        SGDHyperparameters.self,
        AdamHyperparameters.self,
        AdamWHyperparameters.self,
        AdagradHyperparameters.self,
        RMSpropHyperparameters.self,
        AdadeltaHyperparameters.self,
        NAdamHyperparameters.self,
        RAdamHyperparameters.self,
        AdamaxHyperparameters.self,
        LionHyperparameters.self,
        RpropHyperparameters.self,
        ASGDHyperparameters.self,
        AdaBeliefHyperparameters.self,
        LAMBHyperparameters.self,
        LARSHyperparameters.self,
        AdafactorHyperparameters.self,
        MuonHyperparameters.self,
        ScheduleFreeSGDHyperparameters.self,
        ScheduleFreeAdamWHyperparameters.self,
        LBFGSHyperparameters.self,
        SAMHyperparameters.self,
        LookaheadHyperparameters.self,
    ]

    /// The optimizer named `name` in manifests, or nil.
    public static func kind(named name: String) -> (any OptimizerKind.Type)? {
        kinds.first { $0.name == name }
    }
}
