import ExptManifest
import ExptRunner
import ExptStore
import Foundation

/// What `expt run` shows on standard error while it trains.
///
/// On a terminal (and not in CI), one live line, redrawn in place at most ten times a second:
/// for each run in flight (several with `--jobs`) its position, variant, seed, epoch, training
/// loss and compared metric, then the estimated time left for the whole batch
/// (``TimeLeftEstimate``, from the measured time of the epochs trained so far); each finished
/// run then leaves one line. Elsewhere (a pipe, a file, `CI` set) only the line per finished
/// run. With `--quiet`, nothing until the final summary.
///
/// Not thread-safe by itself: the runner calls it one call at a time (see `RunQueue`).
final class ProgressDisplay: @unchecked Sendable {
    enum Mode: Equatable {
        case live, lines, quiet
    }

    let mode: Mode
    private let compare: Comparison
    private let clock = ContinuousClock()
    private var lastDraw: ContinuousClock.Instant?
    private var estimate = TimeLeftEstimate()
    /// The runs in flight by id: their position in the batch and their last epoch's metrics.
    private var inFlight: [String: (index: Int, total: Int, spec: RunSpec, latest: EpochMetrics?)] = [:]

    init(mode: Mode, compare: Comparison) {
        self.mode = mode
        self.compare = compare
    }

    /// Live on an interactive terminal outside CI, lines otherwise, quiet when asked.
    static func mode(quiet: Bool, environment: [String: String], standardErrorIsTerminal: Bool) -> Mode {
        if quiet { return .quiet }
        let inCI = environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
        return standardErrorIsTerminal && !inCI ? .live : .lines
    }

    /// The runs the batch will train, in the order they start, `workers` at a time.
    func planned(_ specs: [RunSpec], workers: Int) {
        estimate.plan(specs)
        estimate.workers = workers
    }

    /// A run starts; one that was not planned (a shard's, whose stored runs are only found as
    /// it goes) joins the estimate as it starts.
    func started(index: Int, total: Int, spec: RunSpec) {
        inFlight[spec.id] = (index, total, spec, nil)
        estimate.plan([spec])
    }

    func epochEnded(_ metrics: EpochMetrics, of spec: RunSpec) {
        estimate.measured(spec, seconds: metrics.elapsedSeconds, epochs: metrics.epoch)
        inFlight[spec.id]?.latest = metrics
        guard mode == .live else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + liveLine).utf8))
    }

    /// Every run in flight that has finished an epoch, by position, then the time left:
    /// `[ 3/12] adam seed 0  epoch 5/20  loss 0.3012  |  [ 4/12] sgd seed 0  epoch 2/20  loss 0.9  ETA 3m05s`.
    var liveLine: String {
        let runs = inFlight.values.sorted { $0.index < $1.index }.compactMap { run in
            run.latest.map { liveText(index: run.index, total: run.total, spec: run.spec, metrics: $0) }
        }
        return runs.joined(separator: "  |  ") + "  ETA " + (estimate.secondsLeft.map(Self.duration) ?? "?")
    }

    /// `[ 3/12] adam seed 0  epoch 5/20  loss 0.3012  val_accuracy 0.91`.
    private func liveText(index: Int, total: Int, spec: RunSpec, metrics: EpochMetrics) -> String {
        let epochs = max(spec.config.train.epochs, metrics.epoch)
        var text = "\(position(index, total)) \(spec.label)  epoch \(metrics.epoch)/\(epochs)  loss \(String(format: "%.4g", metrics.trainLoss))"
        if compare.metric != .trainLoss, let value = metrics.value(of: compare.metric) {
            text += "  \(compare.metric.rawValue) \(String(format: "%.4g", value))"
        }
        return text
    }

    func finished(index: Int, total: Int, record: RunRecord) {
        estimate.finished(record.spec, seconds: record.seconds, epochs: record.epochs.last?.epoch ?? 0)
        inFlight[record.spec.id] = nil
        switch mode {
        case .quiet: return
        case .live: FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        case .lines: break
        }
        printError(progressLine(index: index, total: total, record: record, compare: compare))
    }

    /// `[ 3/12]`, padded so that the lines of a batch line up.
    private func position(_ index: Int, _ total: Int) -> String {
        let width = String(total).count
        return "[" + String(repeating: " ", count: width - String(index).count) + "\(index)/\(total)]"
    }

    /// `42s`, `3m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, whole % 3600 / 60)
    }
}
