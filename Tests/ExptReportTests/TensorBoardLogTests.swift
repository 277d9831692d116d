import ExptManifest
import ExptStore
import Testing
@testable import ExptReport

/// The events of a run's file and of the log's own file (``TensorBoardLog``), for the fixture's
/// hand-made records.
@Suite struct TensorBoardLogTests {
    static let log = TensorBoardLog(experiment: Fixture.experiment(), data: RecordedData(datasets: []))

    @Test func aRunOpensWithTheFileVersionAndItsHyperparameters() {
        let events = Self.log.opening(Fixture.adam1.spec, wallTime: 7)
        let start = HParamsPluginData.sessionStart(hparams: [
            "variant": .text("adam"), "seed": .number(1), "optimizer": .text("adam"), "lr": .number(0.01), "batch_size": .number(32),
        ], startTime: 7)
        #expect(events == [
            TensorBoardEvent(wallTime: 7, step: 0, content: .fileVersion("brain.Event:2")),
            TensorBoardEvent(wallTime: 7, step: 0, content: .summary([
                SummaryValue(tag: "_hparams_/session_start_info", value: .plugin(name: "hparams", content: start.encoded)),
            ])),
        ])
    }

    /// Epoch 2 of sgd seed 0 (one step an epoch): every value metrics.csv has, in its order, in
    /// single precision; the fixture records no gradient norms.
    @Test func anEpochIsOneEventWithEveryRecordedValue() {
        #expect(Self.log.epoch(Fixture.sgd0.epochs[1], wallTime: 9.5) == TensorBoardEvent(wallTime: 9.5, step: 2, content: .summary([
            SummaryValue(tag: "train_loss", value: .scalar(0.6)),
            SummaryValue(tag: "val_loss", value: .scalar(0.6)),
            SummaryValue(tag: "val_accuracy", value: .scalar(0.8)),
            SummaryValue(tag: "lr", value: .scalar(0.1)),
            SummaryValue(tag: "seconds", value: .scalar(1.0)),
        ])))
    }

    /// With `train.layer_stats`, each layer's three values follow the epoch's own, under their
    /// metrics.csv names; an update ratio not recorded is left out.
    @Test func anEpochCarriesEachLayersStatistics() {
        let layers = [LayerEpochStatistics(epoch: 2, layer: 0, kind: "dense", gradientNorm: 0.25, parameterNorm: 3, updateRatio: 0.5),
                      LayerEpochStatistics(epoch: 2, layer: 2, kind: "dense", gradientNorm: 0.125, parameterNorm: 1.5, updateRatio: nil)]
        let event = Self.log.epoch(Fixture.sgd0.epochs[1], layers: layers, wallTime: 9.5)
        guard case .summary(let values) = event.content else {
            Issue.record("an epoch's event is a summary")
            return
        }
        #expect(values.dropFirst(5) == [
            SummaryValue(tag: "layer_grad_norm/0.dense", value: .scalar(0.25)),
            SummaryValue(tag: "layer_param_norm/0.dense", value: .scalar(3)),
            SummaryValue(tag: "layer_update_ratio/0.dense", value: .scalar(0.5)),
            SummaryValue(tag: "layer_grad_norm/2.dense", value: .scalar(0.125)),
            SummaryValue(tag: "layer_param_norm/2.dense", value: .scalar(1.5)),
        ])
    }

    static func endValue(_ status: HParamsPluginData.SessionStatus, at time: Double) -> SummaryValue {
        SummaryValue(tag: "_hparams_/session_end_info",
                     value: .plugin(name: "hparams", content: HParamsPluginData.sessionEnd(status: status, endTime: time).encoded))
    }

    /// Adam seed 0 takes 3 steps an epoch: its last step is 9.
    @Test func aRunClosesWithItsTestMetricsAndItsStatus() {
        var diverged = Fixture.adam0
        diverged.status = .diverged(step: 9)
        diverged.test = TestMetrics(loss: 0.5, accuracy: 0.75)
        #expect(Self.log.closing(diverged, wallTime: 10) == [
            TensorBoardEvent(wallTime: 10, step: 9, content: .summary([
                SummaryValue(tag: "test_loss", value: .scalar(0.5)), SummaryValue(tag: "test_accuracy", value: .scalar(0.75)),
            ])),
            TensorBoardEvent(wallTime: 10, step: 9, content: .summary([Self.endValue(.failure, at: 10)])),
        ])
        #expect(Self.log.closing(Fixture.sgd1, wallTime: 4) == [
            TensorBoardEvent(wallTime: 4, step: 3, content: .summary([Self.endValue(.success, at: 4)])),
        ])
        var interrupted = Fixture.sgd1
        interrupted.status = .interrupted(step: 3)
        #expect(Self.log.closing(interrupted, wallTime: 4) == [
            TensorBoardEvent(wallTime: 4, step: 3, content: .summary([Self.endValue(.unknown, at: 4)])),
        ])
    }

    @Test func theExperimentNamesEveryRecordedMetricButTheLearningRate() {
        #expect(Self.log.metrics(of: Fixture.records) == [
            .init(tag: "train_loss", dataset: .training), .init(tag: "val_loss", dataset: .validation),
            .init(tag: "val_accuracy", dataset: .validation), .init(tag: "seconds", dataset: .unknown),
        ])
        var tested = Fixture.sgd0
        tested.test = TestMetrics(loss: 0.5, accuracy: nil)
        tested.epochs[0].gradientNormMax = 2
        #expect(Self.log.metrics(of: [tested]).map(\.tag) == ["train_loss", "val_loss", "val_accuracy", "grad_norm_max", "seconds", "test_loss"])
    }

    @Test func theExperimentEventsDescribeTheRuns() {
        let events = Self.log.experimentEvents(records: Fixture.records, wallTime: 3)
        let experiment = HParamsExperiment(
            name: "demo", description: "Adam against momentum SGD on two spirals.", timeCreated: 3,
            hparams: [
                .init(name: "variant", domain: .discrete([.text("sgd"), .text("adam")])),
                .init(name: "seed", domain: .interval(min: 0, max: 1)),
                .init(name: "optimizer", domain: .discrete([.text("sgd"), .text("adam")])),
                .init(name: "lr", domain: .interval(min: 0.01, max: 0.1)),
                .init(name: "batch_size", domain: .interval(min: 32, max: 80)),
            ],
            metrics: [.init(tag: "train_loss", dataset: .training), .init(tag: "val_loss", dataset: .validation),
                      .init(tag: "val_accuracy", dataset: .validation), .init(tag: "seconds", dataset: .unknown)])
        #expect(events == [
            TensorBoardEvent(wallTime: 3, step: 0, content: .fileVersion("brain.Event:2")),
            TensorBoardEvent(wallTime: 3, step: 0, content: .summary([
                SummaryValue(tag: "_hparams_/experiment", value: .plugin(name: "hparams", content: HParamsPluginData.experiment(experiment).encoded)),
            ])),
        ])
    }
}
