import ExptManifest
import ExptOptim
import ExptStore

/// A run's learning rate at every step: its ``ScheduleConfig`` made concrete once the run's
/// steps per epoch are known, with the warm-up in front and reduce-on-plateau's state.
///
/// The schedule's clock is the number of steps taken before the current one (`interval: step`)
/// or of epochs completed (`interval: epoch`); a warm-up given in epochs on a per-step schedule
/// lasts that many epochs' steps. Schedules whose length defaults to the run's (`t_max`,
/// `total_iters`) and one-cycle's total take the run's ticks after the warm-up.
struct LearningRateController {
    private enum Rule {
        case closedForm(any Schedule)
        case plateau(ReduceOnPlateau, Metric)
    }

    private var rule: Rule
    private let interval: ScheduleConfig.Interval
    private let warmup: LinearWarmup?
    /// The optimizer's base rate, which schedules scale.
    let baseLearningRate: Double

    init(_ config: ScheduleConfig?, baseLearningRate: Double, stepsPerEpoch: Int, epochs: Int) throws(ScheduleError) {
        self.baseLearningRate = baseLearningRate
        guard let config else {
            rule = .closedForm(try ConstantSchedule(baseLearningRate: baseLearningRate))
            interval = .epoch
            warmup = nil
            return
        }
        interval = config.interval
        let ticks = config.interval == .step ? stepsPerEpoch * epochs : epochs
        let warmupLength = config.warmup.map { $0.unit == config.interval ? $0.length : $0.length * stepsPerEpoch } ?? 0
        let warmup = try config.warmup.map { w throws(ScheduleError) in try LinearWarmup(length: warmupLength, startFactor: w.startFactor) }
        self.warmup = warmup
        let length = max(ticks - warmupLength, 1)
        let rule: Rule
        switch try config.kind.settings.makeRule(baseLearningRate: baseLearningRate, length: length) {
        case .closedForm(let schedule):
            rule = .closedForm(schedule)
        case .reduceOnPlateau(let plateau):
            guard let watched = config.kind.settings as? any MetricMonitoringSchedule else {
                throw ScheduleError("\(config.kind.name) is fed a metric but names none")
            }
            rule = .plateau(plateau, watched.metric)
        }
        if let warmup, case .closedForm(let main) = rule {
            self.rule = .closedForm(WarmedUpSchedule(warmup: warmup, main: main))
        } else {
            self.rule = rule
        }
    }

    /// The rate of the next step, after `step` steps and `epoch` complete epochs.
    func learningRate(step: Int, epoch: Int) -> Double {
        let t = interval == .step ? step : epoch
        return switch rule {
        case .closedForm(let schedule): schedule.learningRate(at: t)
        case .plateau(let plateau, _): warmup?.learningRate(at: t, base: baseLearningRate) ?? plateau.learningRate
        }
    }

    /// Feeds the metrics of completed epoch `epoch` (from 1) to reduce-on-plateau; epochs of
    /// the warm-up are not counted.
    mutating func endEpoch(_ epoch: Int, metrics: EpochMetrics) {
        guard case .plateau(var plateau, let metric) = rule, epoch > (warmup?.length ?? 0),
              let value = metrics.value(of: metric) else { return }
        plateau.observe(value)
        rule = .plateau(plateau, metric)
    }

    /// Reduce-on-plateau's progress, the only state of a schedule (every other rule is a
    /// function of the step or epoch); nil for the others.
    var plateauProgress: ReduceOnPlateau.Progress? {
        if case .plateau(let plateau, _) = rule { plateau.progress } else { nil }
    }

    /// Continues reduce-on-plateau from `progress` (saved by ``plateauProgress``); nothing for the other rules.
    mutating func resume(plateauProgress progress: ReduceOnPlateau.Progress?) {
        guard case .plateau(var plateau, let metric) = rule, let progress else { return }
        plateau.resume(from: progress)
        rule = .plateau(plateau, metric)
    }
}
