import ExptData
import ExptEngine
import ExptManifest

/// Measures a network's sharpness as `analysis.sharpness` asks: ``HessianPowerIteration`` on the
/// mean training loss over a fixed subset of the training examples, with Float gradients.
///
/// The subset is the first `examples` of the training rows shuffled by a stream of the run's
/// seed of its own (so runs with the same seed, of any variant, measure the same examples);
/// the start vector is drawn from the same stream, one standard Gaussian per parameter. The
/// gradients are those of training mode, which the manifest allows only for models whose
/// training and evaluation modes agree (no dropout, no batchnorm).
struct SharpnessProbe {
    let settings: SharpnessSettings
    private let examples: DatasetView
    private let start: [Double]
    private let batch: BatchBuffers

    /// The generator stream of the subset and the start vector, beside `Executor.Stream`'s.
    static let stream: UInt64 = 3

    init(_ settings: SharpnessSettings, seed: UInt64, train: DatasetView, parameterCount: Int, batch: BatchBuffers) {
        var generator = SeededGenerator(seed: seed, stream: Self.stream)
        var rows = train.rows
        generator.shuffle(&rows)
        self.settings = settings
        self.examples = DatasetView(train.storage, rows: Array(rows.prefix(settings.examples)))
        self.start = (0..<parameterCount).map { _ in generator.nextGaussian() }
        self.batch = batch
    }

    /// λ_max at the network's parameters, which it leaves as they were (nil when a gradient is
    /// not finite, or the training set is empty).
    func measure(_ network: Network) -> Double? {
        guard examples.count > 0 else { return nil }
        let saved = network.parameters.array
        defer { _ = network.parameters.mutableBuffer.update(fromContentsOf: saved) }
        let iteration = HessianPowerIteration(iterations: settings.iterations, machineEpsilon: Double(Float.ulpOfOne))
        return iteration.largestEigenvalue(at: saved.map(Double.init), start: start) { point, gradient in
            _ = network.lossAndGradient(at: point, over: examples, through: batch, into: &gradient)
        }
    }
}
