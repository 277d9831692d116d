import ExptStore
import Testing

@testable import ExptReport

/// What the report makes of the diagnostics: metrics.csv rows for the training-set metrics and
/// each layer's statistics (named `layer_grad_norm/<index>.<kind>`), and their charts.
@Suite struct DiagnosticsReportTests {
    static func record() -> RunRecord {
        var record = Fixture.record(Fixture.adam, seed: 3, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.5, nil)], seconds: 1)
        record.epochs[0].trainEvaluationLoss = 0.375
        record.epochs[0].trainAccuracy = 0.75
        record.layers = [
            LayerEpochStatistics(epoch: 1, layer: 0, kind: "dense", gradientNorm: 0.5, parameterNorm: 3, updateRatio: 0.001),
            LayerEpochStatistics(epoch: 1, layer: 2, kind: "dense", gradientNorm: 2.5, parameterNorm: 1.5, updateRatio: nil),
        ]
        return record
    }

    @Test func metricsCSVHasTheNewRowsAfterTheOldOnes() {
        let csv = Report(experiment: Fixture.experiment(), records: [Self.record()], context: Fixture.context).metricsCSV()
        #expect(csv == """
            run_id,variant,seed,epoch,step,metric,value
            f8e532b7f0791e5e,adam,3,1,3,train_loss,0.4
            f8e532b7f0791e5e,adam,3,1,3,val_loss,0.5
            f8e532b7f0791e5e,adam,3,1,3,train_eval_loss,0.375
            f8e532b7f0791e5e,adam,3,1,3,train_accuracy,0.75
            f8e532b7f0791e5e,adam,3,1,3,lr,0.01
            f8e532b7f0791e5e,adam,3,1,3,seconds,0.5
            f8e532b7f0791e5e,adam,3,1,3,layer_grad_norm/0.dense,0.5
            f8e532b7f0791e5e,adam,3,1,3,layer_param_norm/0.dense,3.0
            f8e532b7f0791e5e,adam,3,1,3,layer_update_ratio/0.dense,0.001
            f8e532b7f0791e5e,adam,3,1,3,layer_grad_norm/2.dense,2.5
            f8e532b7f0791e5e,adam,3,1,3,layer_param_norm/2.dense,1.5

            """)
    }

    /// The setup's data line names the noise, so that variants that differ in it get a Data column.
    @Test func theSetupNamesTheNoise() {
        var config = Fixture.experiment().variants[0].config
        let plain = RunSetup(config: config).data
        config.data.labelNoise = 0.2
        config.data.inputNoise = 0.5
        #expect(RunSetup(config: config).data == plain.replacingOccurrences(of: ", data seed", with: ", label noise 0.2, input noise 0.5, data seed"))
        #expect(!plain.contains("label noise") && !plain.contains("input noise"))
    }

    @Test func theChartsAppearOnlyWhenRecorded() {
        #expect(!Fixture.report.charts.contains { $0.file.hasPrefix("layer_grad_norm") || $0.file == "train_accuracy.svg" })
        let report = Report(experiment: Fixture.experiment(), records: [Self.record()], context: Fixture.context)
        let files = report.charts.map(\.file)
        #expect(files.contains("train_accuracy.svg"))
        #expect(files.contains("layer_grad_norm_adam.svg"))
        #expect(files.contains("layer_update_ratio_adam.svg"))
        #expect(report.charts.first { $0.file == "layer_grad_norm_adam.svg" }?.title == "Gradient norm per layer: adam")
        let svg = report.charts.first { $0.file == "layer_grad_norm_adam.svg" }?.svg ?? ""
        #expect(svg.contains("layer 0.dense"))
        #expect(svg.contains("layer 2.dense"))
        // Layer 2 recorded no update ratio: its chart has layer 0 alone.
        let ratios = report.charts.first { $0.file == "layer_update_ratio_adam.svg" }?.svg ?? ""
        #expect(ratios.contains("layer 0.dense"))
        #expect(!ratios.contains("layer 2.dense"))
    }
}
