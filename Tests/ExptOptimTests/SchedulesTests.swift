import ExptOptim
import Foundation
import Testing
import ExptTestSupport

/// Every schedule tick by tick: values by hand (the working in comments), then torch's values.
struct SchedulesTests {
    struct HandCase: Sendable, CustomTestStringConvertible {
        let name: String
        let schedule: any Schedule
        /// (tick, expected rate).
        let rates: [(Int, Double)]
        var testDescription: String { name }
    }

    static let handCases: [HandCase] = try! [
        HandCase(name: "constant", schedule: ConstantSchedule(baseLearningRate: 0.3),
                 rates: [(0, 0.3), (1, 0.3), (1000, 0.3)]),
        // 0.1 · 0.5^⌊t/2⌋.
        HandCase(name: "step", schedule: StepDecay(baseLearningRate: 0.1, stepSize: 2, gamma: 0.5),
                 rates: [(0, 0.1), (1, 0.1), (2, 0.05), (3, 0.05), (4, 0.025)]),
        // Milestones 2 and 4 passed: one factor 0.1 from t = 2, two from t = 4.
        HandCase(name: "multistep", schedule: MultiStepDecay(baseLearningRate: 1, milestones: [2, 4], gamma: 0.1),
                 rates: [(0, 1), (1, 1), (2, 0.1), (3, 0.1), (4, 0.01), (9, 0.01)]),
        // 0.5 · 0.5ᵗ.
        HandCase(name: "exponential", schedule: ExponentialDecay(baseLearningRate: 0.5, gamma: 0.5),
                 rates: [(0, 0.5), (1, 0.25), (2, 0.125), (3, 0.0625)]),
        // 0.1 / (1 + 0.5 t): 0.1, 0.1/1.5, 0.1/2, 0.1/3.
        HandCase(name: "inverse time", schedule: InverseTimeDecay(baseLearningRate: 0.1, decayRate: 0.5),
                 rates: [(0, 0.1), (1, 0.1 / 1.5), (2, 0.05), (4, 0.1 / 3)]),
        // (1 − 0.2)(1 − t/4)² + 0.2: 1, 0.8·0.5625 + 0.2 = 0.65, 0.8·0.25 + 0.2 = 0.4, 0.8·0.0625 + 0.2 = 0.25, then 0.2.
        HandCase(name: "polynomial", schedule: PolynomialDecay(baseLearningRate: 1, totalIterations: 4, power: 2, endLearningRate: 0.2),
                 rates: [(0, 1), (1, 0.65), (2, 0.4), (3, 0.25), (4, 0.2), (6, 0.2)]),
        // (1 + cos(π t/4)) / 2: 1, (1 + √2/2)/2, 0.5, 0; not clamped, so back to 0.5 at t = 6 and 1 at t = 8.
        HandCase(name: "cosine", schedule: CosineAnnealing(baseLearningRate: 1, tMax: 4),
                 rates: [(0, 1), (1, (1 + 0.5.squareRoot()) / 2), (2, 0.5), (4, 0), (6, 0.5), (8, 1)]),
        // 0.1 + 0.9 (1 + cos(π t/2)) / 2: 1, 0.55, 0.1.
        HandCase(name: "cosine eta_min", schedule: CosineAnnealing(baseLearningRate: 1, tMax: 2, etaMin: 0.1),
                 rates: [(0, 1), (1, 0.55), (2, 0.1)]),
        // Cycles [0, 2), [2, 6), [6, 14): restarts at 2 and 6; t = 3 is 1/4 into a cycle of 4,
        // (1 + cos(π/4))/2; t = 5 is 3/4 into it, (1 + cos(3π/4))/2 = (1 − √2/2)/2.
        HandCase(name: "cosine restarts", schedule: CosineAnnealingWarmRestarts(baseLearningRate: 1, t0: 2, tMult: 2),
                 rates: [(0, 1), (1, 0.5), (2, 1), (3, (1 + 0.5.squareRoot()) / 2), (4, 0.5),
                         (5, (1 - 0.5.squareRoot()) / 2), (6, 1), (10, 0.5), (14, 1)]),
        // Initial 1/10 = 0.1, minimum 0.1/10 = 0.01; phase ends e₁ = 0.3·10 − 1 = 2, e₂ = 9.
        // t = 1: halfway up, 0.55; t = 3: 1/7 of the way down, 1 − 0.99/7; t = 9: 0.01.
        HandCase(name: "onecycle linear",
                 schedule: OneCycle(maxLearningRate: 1, totalSteps: 10, anneal: .linear, divFactor: 10, finalDivFactor: 10),
                 rates: [(0, 0.1), (1, 0.55), (2, 1), (3, 1 - 0.99 / 7), (9, 0.01), (12, 0.01)]),
        // Cosine halfway up is also the mean: 1 + (0.1 − 1)/2 · (cos(π/2) + 1) = 0.55.
        HandCase(name: "onecycle cos",
                 schedule: OneCycle(maxLearningRate: 1, totalSteps: 10, divFactor: 10, finalDivFactor: 10),
                 rates: [(0, 0.1), (1, 0.55), (2, 1), (9, 0.01)]),
        // pct_start · total = 1: a first phase of length 0 (0/0 in torch) starts at the maximum.
        HandCase(name: "onecycle empty first phase",
                 schedule: OneCycle(maxLearningRate: 1, totalSteps: 10, pctStart: 0.1, anneal: .linear, divFactor: 10, finalDivFactor: 10),
                 rates: [(0, 1), (9, 0.01)]),
        // From 0 to 0.2 in 4 ticks: 0, 0.05, 0.1, 0.15, then the constant 0.2.
        HandCase(name: "warmup from zero",
                 schedule: WarmedUpSchedule(warmup: LinearWarmup(length: 4, startFactor: 0), main: ConstantSchedule(baseLearningRate: 0.2)),
                 rates: [(0, 0), (1, 0.05), (2, 0.1), (3, 0.15), (4, 0.2), (9, 0.2)]),
        // 1 · (0.5 + 0.5 t/2) for t < 2, then 0.5^(t − 2): 0.5, 0.75, 1, 0.5, 0.25.
        HandCase(name: "warmup then exponential",
                 schedule: WarmedUpSchedule(warmup: LinearWarmup(length: 2, startFactor: 0.5), main: ExponentialDecay(baseLearningRate: 1, gamma: 0.5)),
                 rates: [(0, 0.5), (1, 0.75), (2, 1), (3, 0.5), (4, 0.25)]),
        // A warm-up of length 0 is no warm-up.
        HandCase(name: "empty warmup",
                 schedule: WarmedUpSchedule(warmup: LinearWarmup(length: 0), main: StepDecay(baseLearningRate: 1, stepSize: 1, gamma: 0.5)),
                 rates: [(0, 1), (1, 0.5)]),
    ]

    @Test(arguments: handCases)
    func byHand(_ c: HandCase) {
        for (t, expected) in c.rates {
            expectRelativelyClose(c.schedule.learningRate(at: t), expected, "t = \(t)")
        }
    }

    @Test(arguments: ScheduleFixture.shipped.cases)
    func matchesTorch(_ c: ScheduleCase) throws {
        let schedule = try c.schedule()
        #expect(c.rates.count >= 16)
        for (t, expected) in c.rates.enumerated() {
            expectRelativelyClose(schedule.learningRate(at: t), expected, "t = \(t)")
        }
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let make: @Sendable () throws -> Any
        let message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        InvalidCase(make: { try StepDecay(baseLearningRate: 0.1, stepSize: 0) }, message: "step_size must be positive, got 0"),
        InvalidCase(make: { try StepDecay(baseLearningRate: -1, stepSize: 2) }, message: "the learning rate must be positive, got -1.0"),
        InvalidCase(make: { try MultiStepDecay(baseLearningRate: 0.1, milestones: [3, 3]) }, message: "milestones must be strictly increasing, got [3, 3]"),
        InvalidCase(make: { try ExponentialDecay(baseLearningRate: 0.1, gamma: 0) }, message: "gamma must be positive, got 0.0"),
        InvalidCase(make: { try CosineAnnealing(baseLearningRate: 0.1, tMax: 0) }, message: "t_max must be positive, got 0"),
        InvalidCase(make: { try CosineAnnealingWarmRestarts(baseLearningRate: 0.1, t0: 2, tMult: 0) }, message: "t_mult must be positive, got 0"),
        InvalidCase(make: { try OneCycle(maxLearningRate: 1, totalSteps: 10, pctStart: 1) }, message: "pct_start must be in (0, 1), got 1.0"),
        InvalidCase(make: { try LinearWarmup(length: 2, startFactor: 1.5) }, message: "start_factor must be in [0, 1], got 1.5"),
        InvalidCase(make: { try ReduceOnPlateau(baseLearningRate: 0.1, .init(factor: 1)) }, message: "factor must be in (0, 1), got 1.0"),
    ])
    func checkedAtConstruction(_ c: InvalidCase) {
        #expect(throws: ScheduleError(c.message)) { _ = try c.make() }
    }
}
