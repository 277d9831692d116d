import ExptEngine
import ExptOptim

/// One optimizer's update alone over a flat buffer of a million parameters, reported in
/// parameters per second and in memory traffic (GB/s) against the bytes the rule must move.
/// An optimizer written as a chain names the built-in it is measured against: the output gives
/// its speed as a percentage of that built-in's, measured in the same run.
struct OptimizerStepBenchmark {
    let name: String
    let optimizer: OptimizerConfig
    /// Float32 arrays the update reads or writes per parameter, counting a read and a write
    /// of the same array twice (plain SGD: read θ, read g, write θ = 3).
    let arraysTouched: Int
    /// For a chain, the name of the built-in case it is compared with.
    var builtIn: String? = nil
    let parameterCount = 1_000_000

    var bytesPerStep: Double { Double(arraysTouched * 4 * parameterCount) }

    func measure(trials: Int, trialSeconds: Double, clock: BenchmarkClock) -> Measurement {
        var generator = SeededGenerator(seed: 2)
        let parameters = FloatBuffer(count: parameterCount)
        let gradients = FloatBuffer(count: parameterCount)
        for i in 0..<parameterCount {
            parameters[i] = Float(generator.nextDouble(in: -1, 1))
            gradients[i] = Float(generator.nextDouble(in: -1e-3, 1e-3))
        }
        let optimizer = optimizer.makeOptimizer(parameterCount: parameterCount)
        let learningRate = self.optimizer.learningRate
        return Measurement(unitsPerCall: Double(parameterCount), trials: trials, trialSeconds: trialSeconds, clock: clock) {
            optimizer.step(parameters: parameters.mutableBuffer, gradients: gradients.buffer, learningRate: learningRate)
        }
    }

    static let all: [OptimizerStepBenchmark] = [
        OptimizerStepBenchmark(name: "sgd", optimizer: .sgd(SGDHyperparameters(lr: 1e-3)), arraysTouched: 3),
        OptimizerStepBenchmark(name: "sgd-momentum", optimizer: .sgd(SGDHyperparameters(lr: 1e-3, momentum: 0.9)), arraysTouched: 5),
        OptimizerStepBenchmark(name: "adam", optimizer: .adam(AdamHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "adam-amsgrad", optimizer: .adam(AdamHyperparameters(amsgrad: true)), arraysTouched: 9),
        OptimizerStepBenchmark(name: "adamw", optimizer: .adamw(AdamWHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "adagrad", optimizer: .adagrad(AdagradHyperparameters()), arraysTouched: 5),
        OptimizerStepBenchmark(name: "rmsprop", optimizer: .rmsprop(RMSpropHyperparameters()), arraysTouched: 5),
        OptimizerStepBenchmark(name: "rmsprop-ctr-momentum",
                               optimizer: .rmsprop(RMSpropHyperparameters(momentum: 0.9, centered: true)), arraysTouched: 9),
        OptimizerStepBenchmark(name: "adadelta", optimizer: .adadelta(AdadeltaHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "nadam", optimizer: .nadam(NAdamHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "radam", optimizer: .radam(RAdamHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "adamax", optimizer: .adamax(AdamaxHyperparameters()), arraysTouched: 7),
        OptimizerStepBenchmark(name: "lion", optimizer: .lion(LionHyperparameters()), arraysTouched: 5),
        OptimizerStepBenchmark(name: "chain-adam", optimizer: chain([ScaleByAdam(), ScaleByLearningRate()]),
                               arraysTouched: 7, builtIn: "adam"),
        OptimizerStepBenchmark(name: "chain-adamw",
                               optimizer: chain([ScaleByAdam(), AddDecayedWeights(weightDecay: 0.01), ScaleByLearningRate()]),
                               arraysTouched: 7, builtIn: "adamw"),
        OptimizerStepBenchmark(name: "chain-sgd-momentum", optimizer: chain([Trace(decay: 0.9), ScaleByLearningRate()]),
                               arraysTouched: 5, builtIn: "sgd-momentum"),
        OptimizerStepBenchmark(name: "chain-rmsprop-ctr-momentum",
                               optimizer: chain([ScaleByStddev(), Trace(decay: 0.9), ScaleByLearningRate()]),
                               arraysTouched: 9, builtIn: "rmsprop-ctr-momentum"),
        // A chain no built-in spells: element-wise clipping before AdamW, four stages fused.
        OptimizerStepBenchmark(name: "chain-clip-adamw",
                               optimizer: chain([Clip(maxDelta: 1), ScaleByAdam(), AddDecayedWeights(weightDecay: 0.01),
                                                 ScaleByLearningRate()]),
                               arraysTouched: 7, builtIn: "adamw"),
    ]

    private static func chain(_ transformations: [any Transformation]) -> OptimizerConfig {
        OptimizerConfig(ChainSettings(transformations, lr: 1e-3))
    }
}
