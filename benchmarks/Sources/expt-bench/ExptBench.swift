import ArgumentParser
import ExptEngine
import Foundation

/// `expt-bench`: throughput of expt's training step, optimizer updates and matrix multiply, in a
/// release build. Prints medians over several trials; `--json` prints one JSON object per
/// line for `benchmarks/compare.sh`, which pairs these figures with PyTorch's.
@main
struct ExptBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expt-bench",
        abstract: "Measure expt's training throughput, optimizer steps and GEMM peak.")

    @Option(help: "Threads of each matrix multiply (expt's and OpenBLAS's).")
    var threads = 1

    @Option(help: "Timed trials per benchmark; the median is reported.")
    var trials = 7

    @Option(help: "Seconds per trial.")
    var seconds = 0.5

    @Option(help: "Run only the benchmarks whose name contains this text.")
    var only: String?

    @Option(help: "wall, or cpu: the calling thread's CPU time, which ignores time taken by other processes (1 thread only).")
    var clock = "wall"

    @Option(help: "Instead of timing: run exactly this many training steps (each followed by an evaluation) of each selected model, for profilers and allocation counts.")
    var steps: Int?

    @Flag(help: "Print one JSON object per benchmark instead of a table.")
    var json = false

    func run() throws {
        guard let clock = BenchmarkClock(rawValue: clock) else { throw ValidationError("--clock must be wall or cpu") }
        guard clock == .wall || threads == 1 else { throw ValidationError("--clock cpu measures one thread; use --threads 1") }
        OpenBLAS.setThreads(threads)
        benchmark(clock, context: ComputeContext(threads: threads))
    }

    /// Runs the selected benchmarks (or `--steps` steps of each training benchmark) with `context`.
    private func benchmark(_ clock: BenchmarkClock, context: ComputeContext) {
        if let steps {
            for benchmark in TrainingBenchmark.all where selected(benchmark.name) { benchmark.run(steps: steps, context: context) }
            return
        }
        var rows: [Row] = []
        if !json { print("expt kernels: \(context.instructionSet.rawValue); OpenBLAS kernel: \(OpenBLAS.kernel); threads: \(threads); clock: \(clock.rawValue)") }
        for (name, library) in [("gemm-1024", GEMMBenchmark.Library.expt), ("openblas-gemm-1024", .openBLAS)] where selected(name) {
            let m = GEMMBenchmark.peak.measure(library, trials: trials, trialSeconds: seconds, clock: clock, context: context)
            emit(Row(name: name, unit: "GFLOP/s", measurement: m, scale: 1e-9, extra: [:]), into: &rows)
        }
        for product in GEMMBenchmark.layerShapes where selected("gemm/" + product.name) {
            let ours = product.measure(.expt, trials: trials, trialSeconds: seconds, clock: clock, context: context)
            let reference = product.measure(.openBLAS, trials: trials, trialSeconds: seconds, clock: clock, context: context)
            emit(Row(name: "gemm/\(product.name) \(product.shape)", unit: "GFLOP/s", measurement: ours, scale: 1e-9,
                     extra: ["OpenBLAS GFLOP/s": reference.medianRate * 1e-9]), into: &rows)
        }
        for benchmark in TrainingBenchmark.all where selected(benchmark.name) {
            let m = benchmark.measure(trials: trials, trialSeconds: seconds, clock: clock, context: context)
            let gflops = m.medianRate / Double(benchmark.batchSize) * benchmark.flopsPerStep * 1e-9
            emit(Row(name: benchmark.name, unit: "samples/s", measurement: m, scale: 1,
                     extra: ["GFLOP/s": gflops]), into: &rows)
        }
        var stepRates: [String: Double] = [:]
        for benchmark in OptimizerStepBenchmark.all where selected("step/" + benchmark.name) {
            let m = benchmark.measure(trials: trials, trialSeconds: seconds, clock: clock)
            stepRates[benchmark.name] = m.medianRate
            let gigabytes = m.medianRate / Double(benchmark.parameterCount) * benchmark.bytesPerStep * 1e-9
            var extra = ["GB/s": gigabytes]
            // What a chain costs: its speed as a percentage of the built-in it spells.
            if let builtIn = benchmark.builtIn, let rate = stepRates[builtIn] { extra["% of " + builtIn] = 100 * m.medianRate / rate }
            emit(Row(name: "step/" + benchmark.name, unit: "Mparams/s", measurement: m, scale: 1e-6, extra: extra), into: &rows)
        }
        for reference in BandwidthReference.all where selected("step/" + reference.name) {
            let m = reference.measure(trials: trials, trialSeconds: seconds)
            let gigabytes = m.medianRate / Double(reference.parameterCount) * reference.bytesPerStep * 1e-9
            emit(Row(name: "step/" + reference.name, unit: "Mparams/s", measurement: m, scale: 1e-6,
                     extra: ["GB/s": gigabytes]), into: &rows)
        }
    }

    private func selected(_ name: String) -> Bool {
        only.map { name.contains($0) } ?? true
    }

    private func emit(_ row: Row, into rows: inout [Row]) {
        rows.append(row)
        print(json ? row.json(threads: threads) : row.text)
    }
}

/// One benchmark's result, printed as a table line or as JSON.
struct Row {
    let name: String
    let unit: String
    let measurement: Measurement
    let scale: Double
    let extra: [String: Double]

    var text: String {
        let median = measurement.medianRate * scale
        let low = measurement.minRate * scale
        let high = measurement.maxRate * scale
        let extras = extra.sorted { $0.key < $1.key }.map { String(format: "  %.1f %@", $0.value, $0.key) }.joined()
        return name.padding(toLength: 48, withPad: " ", startingAt: 0)
            + String(format: "%12.1f %@  (min %.1f, max %.1f)", median, unit, low, high) + extras
    }

    func json(threads: Int) -> String {
        var fields = ["\"name\": \"\(name)\"", "\"unit\": \"\(unit)\"", "\"threads\": \(threads)",
                      "\"kernel\": \"\(OpenBLAS.kernel)\"", "\"isa\": \"\(InstructionSet.widest.rawValue)\"",
                      "\"median\": \(measurement.medianRate * scale)",
                      "\"min\": \(measurement.minRate * scale)", "\"max\": \(measurement.maxRate * scale)"]
        fields += extra.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
