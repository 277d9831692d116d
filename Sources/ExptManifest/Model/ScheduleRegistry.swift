import ExptOptim

/// Every schedule a manifest can name, listed once: the decoder, the schema, `expt list`, the
/// docs and the stored config take the schedules from here, in this order. Adding a schedule
/// is its file and one line here. The registry lives in ExptManifest because one kind
/// (reduce-on-plateau) watches a `Metric`, a manifest value.
public enum ScheduleRegistry {
    public static let kinds: [any ScheduleKind.Type] = [
        ConstantSchedule.Settings.self,
        StepDecay.Settings.self,
        MultiStepDecay.Settings.self,
        ExponentialDecay.Settings.self,
        InverseTimeDecay.Settings.self,
        PolynomialDecay.Settings.self,
        CosineAnnealing.Settings.self,
        CosineAnnealingWarmRestarts.Settings.self,
        OneCycle.Settings.self,
        PlateauSettings.self,
    ]

    /// The schedule named `name` in manifests, or nil.
    public static func kind(named name: String) -> (any ScheduleKind.Type)? {
        kinds.first { $0.name == name }
    }
}
