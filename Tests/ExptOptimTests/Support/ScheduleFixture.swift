import ExptOptim
import Foundation
import Testing
import ExptTestSupport

/// The learning rates of `Fixtures/reference_schedules.json`, written by
/// `Fixtures/reference_schedules.py` from torch.optim.lr_scheduler.
struct ScheduleFixture: Decodable {
    let torch: String
    let cases: [ScheduleCase]
    let plateaus: [PlateauCase]

    /// The fixture shipped with the tests.
    static let shipped = FixtureFile.decode(ScheduleFixture.self, "reference_schedules.json", in: .module)
}

/// torch's arguments of one scheduler, by torch's names (lowercased).
struct ScheduleArguments: Decodable, Sendable {
    var kind: String?
    var step_size: Int?
    var gamma: Double?
    var milestones: [Int]?
    var total_iters: Int?
    var power: Double?
    var t_max: Int?
    var eta_min: Double?
    var t_0: Int?
    var t_mult: Int?
    var max_lr: Double?
    var total_steps: Int?
    var pct_start: Double?
    var anneal_strategy: String?
    var div_factor: Double?
    var final_div_factor: Double?
    var warmup: Int?
    var start_factor: Double?
    var mode: String?
    var factor: Double?
    var patience: Int?
    var threshold: Double?
    var threshold_mode: String?
    var cooldown: Int?
    var min_lr: Double?
}

/// One closed-form scheduler: entry t of `rates` is torch's rate after t steps.
struct ScheduleCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let lr: Double
    let arguments: ScheduleArguments
    let rates: [Double]
    var testDescription: String { name }

    /// The case's schedule in expt's terms.
    func schedule() throws -> any Schedule {
        let a = arguments
        let main: any Schedule = switch a.kind {
        case "step": try StepDecay(baseLearningRate: lr, stepSize: a.step_size!, gamma: a.gamma!)
        case "multistep": try MultiStepDecay(baseLearningRate: lr, milestones: a.milestones!, gamma: a.gamma!)
        case "exponential": try ExponentialDecay(baseLearningRate: lr, gamma: a.gamma!)
        case "polynomial": try PolynomialDecay(baseLearningRate: lr, totalIterations: a.total_iters!, power: a.power!)
        case "cosine": try CosineAnnealing(baseLearningRate: lr, tMax: a.t_max!, etaMin: a.eta_min!)
        case "cosine_restarts": try CosineAnnealingWarmRestarts(baseLearningRate: lr, t0: a.t_0!, tMult: a.t_mult!, etaMin: a.eta_min!)
        case "onecycle":
            try OneCycle(maxLearningRate: a.max_lr!, totalSteps: a.total_steps!, pctStart: a.pct_start!,
                         anneal: OneCycle.Anneal(rawValue: a.anneal_strategy!)!, divFactor: a.div_factor!,
                         finalDivFactor: a.final_div_factor!)
        default: fatalError("unknown kind \(a.kind ?? "nil")")
        }
        guard let warmup = a.warmup else { return main }
        return WarmedUpSchedule(warmup: try LinearWarmup(length: warmup, startFactor: a.start_factor!), main: main)
    }
}

/// One ReduceLROnPlateau run: `rates[t]` is the rate after the first t metrics.
struct PlateauCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let lr: Double
    let arguments: ScheduleArguments
    let metrics: [Double]
    let rates: [Double]
    var testDescription: String { name }

    func plateau() throws -> ReduceOnPlateau {
        let a = arguments
        return try ReduceOnPlateau(baseLearningRate: lr, ReduceOnPlateau.Parameters(
            mode: ReduceOnPlateau.Mode(rawValue: a.mode!)!, factor: a.factor!, patience: a.patience!,
            threshold: a.threshold ?? 1e-4, thresholdMode: ReduceOnPlateau.ThresholdMode(rawValue: a.threshold_mode ?? "rel")!,
            cooldown: a.cooldown ?? 0, minimumLearningRate: a.min_lr ?? 0))
    }
}
