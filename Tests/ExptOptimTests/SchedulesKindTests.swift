import Testing
@testable import ExptOptim

/// The schedule kinds' rules: the run's length fills in what the manifest left out, and a
/// required setting made without a value is an error, not a trap.
struct SchedulesKindTests {
    @Test func aRequiredSettingLeftOutIsNamed() {
        #expect(throws: ScheduleError("step_size is required")) {
            try StepDecay.Settings().makeRule(baseLearningRate: 0.1, length: 10)
        }
        #expect(throws: ScheduleError("max_lr is required")) {
            try OneCycle.Settings().makeRule(baseLearningRate: 0.1, length: 10)
        }
    }

    /// cosine with t_max left out spans the run: base 1, eta_min 0, length 4 gives
    /// (1 + cos(π t / 4)) / 2 = 1, then 0.5 at t = 2 and 0 at t = 4.
    @Test func theRunsLengthIsTheDefaultTMax() throws {
        guard case .closedForm(let schedule) = try CosineAnnealing.Settings().makeRule(baseLearningRate: 1, length: 4) else {
            Issue.record("expected a closed form")
            return
        }
        #expect(schedule.learningRate(at: 0) == 1)
        #expect(abs(schedule.learningRate(at: 2) - 0.5) < 1e-15)
        #expect(schedule.learningRate(at: 4) == 0)
    }

    @Test func theReportListsTheSetValuesInTheTablesOrder() {
        var settings = PolynomialDecay.Settings()
        #expect(settings.listed.map { "\($0.name) \($0.value)" } == ["power 1.0", "end_lr 0.0"])
        settings.totalIterations = 100
        #expect(settings.listed.map { "\($0.name) \($0.value)" } == ["total_iters 100", "power 1.0", "end_lr 0.0"])
    }
}
