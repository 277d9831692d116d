import ExptConfig

/// Every transformation a chain can name, listed once: decoding, the schema, `expt list` and the
/// docs take them from here, in this order. Adding one is its file and one line here.
public enum TransformationRegistry {
    public static let kinds: [any Transformation.Type] = [
        ScaleByAdam.self,
        ScaleByRMS.self,
        ScaleByStddev.self,
        ScaleByRSS.self,
        ScaleByLion.self,
        Trace.self,
        AddL2.self,
        AddDecayedWeights.self,
        Scale.self,
        ScaleByLearningRate.self,
        Clip.self,
        ScaleBySign.self,
        EMA.self,
        ScaleByBelief.self,
        ScaleByAdadelta.self,
        ScaleByAdamax.self,
        ScaleByNAdam.self,
        ScaleByRAdam.self,
        ScaleByRprop.self,
        AddNoise.self,
        ClipByGlobalNorm.self,
        Centralize.self,
        ScaleByTrustRatio.self,
    ]

    /// The transformation named `name` in manifests, or nil.
    public static func kind(named name: String) -> (any Transformation.Type)? {
        kinds.first { $0.name == name }
    }
}
