import ExptOptim

/// The defaults of the schedules' settings (torch.optim.lr_scheduler's), written once: the
/// decoder fills in absent keys with them and `expt list` prints them. Reduce-on-plateau's
/// are those of ``PlateauSettings``, the warm-up's start factor ``LinearWarmup``'s.
enum ScheduleDefaults {
    /// `gamma` of `step` and `multistep`.
    static let decayFactor = 0.1
    static let power = 1.0
    static let endLearningRate = 0.0
    static let etaMin = 0.0
    static let tMult = 1
    static let pctStart = 0.3
    static let anneal = OneCycle.Anneal.cosine
    static let divFactor = 25.0
    static let finalDivFactor = 1e4
    /// The largest tick count a schedule setting takes.
    static let maximumTicks = 1_000_000_000_000
}
