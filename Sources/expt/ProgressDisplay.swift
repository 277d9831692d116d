import ExptManifest
import ExptRunner
import Foundation

/// What `expt run` shows on standard error while it trains.
///
/// On a terminal (and not in CI), one live line for the run in flight, redrawn in place at
/// most ten times a second: its position, variant, seed, epoch, training loss, compared metric
/// and the estimated time left for the whole batch; each finished run then leaves one line.
/// Elsewhere (a pipe, a file, `CI` set) only the line per finished run. With `--quiet`,
/// nothing until the final summary. With several runs training at once (`--jobs`), the live
/// line follows whichever run last finished an epoch.
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
    private var finishedSeconds: [Double] = []
    /// The runs in flight by id: their position in the batch and when they started.
    private var inFlight: [String: (index: Int, total: Int, spec: RunSpec, start: ContinuousClock.Instant)] = [:]

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

    func started(index: Int, total: Int, spec: RunSpec) {
        inFlight[spec.id] = (index, total, spec, clock.now)
    }

    func epochEnded(_ metrics: EpochMetrics, of spec: RunSpec) {
        guard mode == .live, let current = inFlight[spec.id] else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let epochs = max(current.spec.config.train.epochs, metrics.epoch)
        let elapsed = seconds(now - current.start)
        let runLeft = elapsed / Double(metrics.epoch) * Double(epochs - metrics.epoch)
        let perRun = finishedSeconds.isEmpty ? elapsed + runLeft : finishedSeconds.reduce(0, +) / Double(finishedSeconds.count)
        let left = runLeft + perRun * Double(current.total - current.index)
        var line = "\(position(current.index, current.total)) \(current.spec.label)"
            + "  epoch \(metrics.epoch)/\(epochs)  loss \(String(format: "%.4g", metrics.trainLoss))"
        if compare.metric != .trainLoss, let value = metrics.value(of: compare.metric) {
            line += "  \(compare.metric.rawValue) \(String(format: "%.4g", value))"
        }
        line += "  ETA \(Self.duration(left))"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    func finished(index: Int, total: Int, record: RunRecord) {
        finishedSeconds.append(record.seconds)
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

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
