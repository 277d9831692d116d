import ExptData
import ExptManifest
import ExptOptim
import ExptStore

/// Runs an optimizer, in double precision, on a 2D test function.
///
/// Each optimizer step is one epoch: after step k, `train_loss` and `val_loss` are both f at the
/// new point (the function is its own validation), recorded with the learning rate and the
/// elapsed time for every `train.recordEvery`-th step and the last; the trajectory holds the
/// start (step 0) and the point after every step, with the rate of the step that reached it.
/// Each step: the gradient, clipped as `clip` says (in double precision), then the optimizer
/// (which may evaluate the function again, at points of its choosing) with the rate of `schedule` (each step is an epoch of the schedule's clock, either interval;
/// reduce-on-plateau watches f after every step). When
/// f stops being finite, the run ends as `diverged` at that step, with what came before it.
/// There is no randomness: every seed of a variant gives the same path.
public struct FunctionExecutor: Sendable {
    public init() {}

    public func run(_ spec: RunSpec, function: FunctionSettings) -> RunRecord {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let parts = (clock.now - start).components
            return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        }

        let config = spec.config
        let optimizer = config.optimizer.makeOptimizer(of: Double.self, parameterCount: 2)
        var schedule: LearningRateController
        do {
            schedule = try LearningRateController(config.schedule, baseLearningRate: config.optimizer.learningRate,
                                                  stepsPerEpoch: 1, epochs: config.train.epochs)
        } catch {
            return RunRecord(spec: spec, status: .failed(reason: "schedule: \(error)"), epochs: [], seconds: elapsed())
        }
        let clipping = config.clipping ?? GradientClipping()
        var point = function.start
        var gradient = [0.0, 0.0]
        var value = point.withUnsafeBufferPointer { function.value(at: $0) }
        var trajectory = [TrajectoryPoint(step: 0, x: point[0], y: point[1], f: value)]
        var epochs: [EpochMetrics] = []
        guard value.isFinite else {
            return RunRecord(spec: spec, status: .diverged(step: 0), epochs: [], seconds: elapsed(), trajectory: [])
        }
        for step in stride(from: 1, through: config.train.epochs, by: 1) {
            let learningRate = schedule.learningRate(step: step - 1, epoch: step - 1)
            point.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    let (parameters, gradients) = (UnsafeBufferPointer(p), g)
                    let reevaluate: Reevaluation = {
                        function.gradient(at: parameters, into: gradients)
                        clipping.apply(to: gradients)
                        return function.value(at: parameters)
                    }
                    _ = reevaluate()
                    optimizer.step(parameters: p, gradients: UnsafeBufferPointer(g), learningRate: learningRate, reevaluate: reevaluate)
                }
                // The path records the evaluation point (the averaged one of schedule-free methods).
                optimizer.moveParameters(p, toEvaluation: true)
                value = function.value(at: UnsafeBufferPointer(p))
            }
            guard value.isFinite, point[0].isFinite, point[1].isFinite else {
                return RunRecord(spec: spec, status: .diverged(step: step), epochs: epochs, seconds: elapsed(), trajectory: trajectory)
            }
            trajectory.append(TrajectoryPoint(step: step, x: point[0], y: point[1], f: value, learningRate: learningRate))
            let recorded = step % config.train.recordEvery == 0 || step == config.train.epochs
            let sharpness = config.analysis?.sharpness.flatMap { settings in
                recorded && settings.measures(epoch: step, isLast: step == config.train.epochs)
                    ? function.sharpness(at: point, iterations: settings.iterations) : nil
            }
            point.withUnsafeMutableBufferPointer { optimizer.moveParameters($0, toEvaluation: false) }
            let metrics = EpochMetrics(epoch: step, step: step, trainLoss: value, validationLoss: value,
                                       validationAccuracy: nil, learningRate: learningRate, elapsedSeconds: elapsed(), sharpness: sharpness)
            schedule.endEpoch(step, metrics: metrics)
            guard recorded else { continue }
            epochs.append(metrics)
        }
        let landscape = config.analysis?.interpolation.map {
            LossInterpolation(settings: $0).landscape(of: function, from: function.start, to: [trajectory.last!.x, trajectory.last!.y])
        }
        return RunRecord(spec: spec, status: .complete, epochs: epochs, seconds: elapsed(), trajectory: trajectory,
                         landscape: landscape ?? [])
    }
}
