import Testing
@testable import ExptReport

/// The chart kinds: each listed once under its own name, and each drawn exactly when the results
/// hold what it shows — on a plain experiment (Fixture: classification, 2 variants x 2 seeds), a
/// swept one (TuningTests: adam over optimizer.lr) and a 2D test function (FunctionReportTests).
@Suite struct ChartRegistryTests {
    /// The names of the kinds that apply to `report`'s results, in registry order.
    static func applying(_ report: Report) -> [String] {
        ChartRegistry.kinds.filter { $0.applies(to: report.chartResults) }.map { $0.name }
    }

    @Test func everyKindIsListedOnceInReportOrder() {
        let names = ChartRegistry.kinds.map { $0.name }
        #expect(names == ["train_loss", "val_loss", "val_accuracy", "train_accuracy", "lr", "layer_grad_norm", "layer_update_ratio", "sensitivity", "trajectories", "landscape"])
        #expect(Set(names).count == names.count)
    }

    @Test func aPlainExperimentGetsItsFourLearningCurves() {
        #expect(Self.applying(Fixture.report) == ["train_loss", "val_loss", "val_accuracy", "lr"])
        #expect(Fixture.report.charts.map(\.file) == ["train_loss.svg", "val_loss.svg", "val_accuracy.svg", "lr.svg"])
        #expect(Fixture.report.charts.map(\.title) == ["Training loss", "Validation loss", "Validation accuracy", "Learning rate"])
        #expect(Fixture.report.charts.allSatisfy { $0.caption == nil })
    }

    @Test func aSweptExperimentAddsOneSensitivityChartPerSweptSetting() {
        let report = TuningTests.report(.final)
        #expect(Self.applying(report) == ["train_loss", "val_loss", "val_accuracy", "lr", "sensitivity"])
        #expect(report.charts.map(\.file)
                == ["train_loss.svg", "val_loss.svg", "val_accuracy.svg", "lr.svg", "sensitivity_optimizer_lr.svg"])
        #expect(report.charts.last?.title == "Sensitivity to optimizer.lr")
        // The curves show the chosen point only (lr 0.01 by final validation accuracy), and say so.
        #expect(report.charts.first?.caption == "Swept variants are drawn with the runs of their chosen sweep point only "
                + "(adam at optimizer.lr 0.01); the sensitivity chart shows every point.")
    }

    @Test func aTestFunctionGetsItsLossRateAndTrajectoriesButNoValidationCurves() {
        let report = FunctionReportTests.report
        #expect(Self.applying(report) == ["train_loss", "lr", "trajectories"])
        #expect(report.charts.map(\.file) == ["train_loss.svg", "lr.svg", "trajectories.svg"])
        #expect(report.charts.map(\.title) == ["Training loss", "Learning rate", "Optimizer trajectories"])
    }
}
