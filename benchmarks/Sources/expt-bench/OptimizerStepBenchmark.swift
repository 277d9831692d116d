import ExptEngine
import ExptOptim

/// One optimizer's update alone over a flat buffer of a million parameters, reported in
/// parameters per second and in memory traffic (GB/s) against the bytes the rule must move.
struct OptimizerStepBenchmark {
    let name: String
    let optimizer: OptimizerConfig
    /// Float32 arrays the update reads or writes per parameter, counting a read and a write
    /// of the same array twice (plain SGD: read θ, read g, write θ = 3).
    let arraysTouched: Int
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
    ]
}
