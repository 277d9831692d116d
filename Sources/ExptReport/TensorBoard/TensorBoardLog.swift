import ExptManifest
import ExptStore

/// The TensorBoard log of an experiment, `tensorboard/` in its results folder: the events
/// each run's file holds, and those of the folder's own file, which describes the experiment.
///
/// A run's file (in the folder ``TensorBoardRunName`` names) holds, in order:
/// 1. the file version (`brain.Event:2`), at the run's start;
/// 2. the hparams plugin's session start (its hyperparameters, ``HParamTable``), at step 0;
/// 3. per epoch, at its optimizer step, every value metrics.csv has for it, by its metrics.csv
///    name (`train_loss`, `val_loss`, `val_accuracy`, `train_eval_loss`, `train_accuracy`, `lr`,
///    `grad_norm_mean`, `grad_norm_max`, `sharpness`, `seconds`, then with `train.layer_stats`
///    each layer's `layer_grad_norm/<index>.<kind>`, `layer_param_norm/…`, `layer_update_ratio/…`,
///    which TensorBoard groups by statistic, one chart per layer) as single-precision scalars;
/// 4. at the end, at the last epoch's step, `test_loss` and `test_accuracy` when the run has
///    them, then the session end (success for a complete run, failure for one that diverged or
///    failed, unknown for one interrupted).
///
/// The folder's own file holds the file version and the hparams experiment: its columns (the
/// hyperparameters and every metric some run recorded, `lr` aside: it is a hyperparameter).
///
/// ``epoch(_:layers:wallTime:)`` is the one place that lists an epoch's values. The live log
/// (during `expt run`) has no per-layer values: the runner reports an epoch's metrics alone, and
/// the layers' come with the stored run, when the report rewrites the folder.
public struct TensorBoardLog: Sendable {
    /// The name of every event file: TensorBoard reads files whose name holds `tfevents`. It
    /// holds neither a time nor a host name, so that the folder is rebuilt byte for byte.
    public static let eventFileName = "events.out.tfevents.expt"
    /// The log's folder in a results folder.
    public static let folderName = "tensorboard"

    public let experiment: Experiment
    let table: HParamTable

    /// The log of `experiment`; `data` tells a full batch's examples (for `batch_size`).
    public init(experiment: Experiment, data: RecordedData) {
        self.experiment = experiment
        self.table = HParamTable(runs: experiment.runs, trainingCount: data.trainingCount(of:))
    }

    /// The folder of `spec`'s run, relative to the log's folder.
    public func runFolder(of spec: RunSpec) -> String {
        TensorBoardRunName.path(of: spec)
    }

    /// The events that open a run's file, at `wallTime`, its start.
    public func opening(_ spec: RunSpec, wallTime: Double) -> [TensorBoardEvent] {
        let start = HParamsPluginData.sessionStart(hparams: table.hparams(of: spec), startTime: wallTime)
        return [TensorBoardEvent(wallTime: wallTime, step: 0, content: .fileVersion(TensorBoardEvent.fileVersion)),
                TensorBoardEvent(wallTime: wallTime, step: 0, content: .summary([start.summaryValue]))]
    }

    /// The event of one epoch, at `wallTime`, with `layers`, the epoch's per-layer statistics.
    public func epoch(_ metrics: EpochMetrics, layers: [LayerEpochStatistics] = [], wallTime: Double) -> TensorBoardEvent {
        let values = (metrics.namedValues + layers.flatMap(\.namedValues)).compactMap { name, value in
            value.map { SummaryValue.scalar(name, $0) }
        }
        return TensorBoardEvent(wallTime: wallTime, step: Int64(metrics.step), content: .summary(values))
    }

    /// The events that close a run's file, at `wallTime`, its end: its test metrics, if any, then its status.
    public func closing(_ record: RunRecord, wallTime: Double) -> [TensorBoardEvent] {
        let step = Int64(record.epochs.last?.step ?? 0)
        let test = TestColumn.allCases.compactMap { column in column.value(in: record).map { SummaryValue.scalar(column.name, $0) } }
        let status: HParamsPluginData.SessionStatus = switch record.status {
        case .complete: .success
        case .diverged, .failed: .failure
        case .interrupted: .unknown
        }
        let end = HParamsPluginData.sessionEnd(status: status, endTime: wallTime)
        return (test.isEmpty ? [] : [TensorBoardEvent(wallTime: wallTime, step: step, content: .summary(test))])
            + [TensorBoardEvent(wallTime: wallTime, step: step, content: .summary([end.summaryValue]))]
    }

    /// The events of the log folder's own file, at `wallTime`: the experiment with the metrics `records` hold.
    public func experimentEvents(records: [RunRecord], wallTime: Double) -> [TensorBoardEvent] {
        let described = HParamsExperiment(name: experiment.name, description: experiment.description, timeCreated: wallTime,
                                          hparams: table.infos, metrics: metrics(of: records))
        return [TensorBoardEvent(wallTime: wallTime, step: 0, content: .fileVersion(TensorBoardEvent.fileVersion)),
                TensorBoardEvent(wallTime: wallTime, step: 0, content: .summary([HParamsPluginData.experiment(described).summaryValue]))]
    }

    /// Every tag some record has a value for, `lr` aside, in the order of a run's file.
    func metrics(of records: [RunRecord]) -> [HParamsExperiment.Metric] {
        let present = Set(records.flatMap { $0.epochs.flatMap { $0.namedValues.filter { $0.value != nil }.map(\.name) } })
            .union(TestColumn.present(in: records).map(\.name))
        return (EpochMetrics.metricNames + TestColumn.allCases.map(\.name)).filter { $0 != "lr" && present.contains($0) }.map { tag in
            let dataset: HParamsExperiment.Metric.Dataset = switch tag {
            case Metric.trainLoss.rawValue: .training
            case Metric.validationLoss.rawValue, Metric.validationAccuracy.rawValue: .validation
            default: .unknown
            }
            return HParamsExperiment.Metric(tag: tag, dataset: dataset)
        }
    }
}
