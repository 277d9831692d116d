import ExptEngine
import ExptOptim

/// Everything a run needs to go on from the end of an epoch as if it had never stopped: the
/// ``TrainingState``, the network's state (parameters, running statistics, dropout's
/// generators), every optimizer's state and reduce-on-plateau's progress. Saved by the
/// executor every `train.checkpoint.every` epochs (see docs/checkpoints.md).
struct Checkpoint: Codable {
    var state: TrainingState
    var network: NetworkState
    var optimizers: OptimizerSnapshot
    var plateau: ReduceOnPlateau.Progress?

    /// The checkpoint of a run after an epoch, its parameters at the training point.
    init(state: TrainingState, network: Network, optimizer: GroupedOptimizer, schedule: LearningRateController) {
        self.state = state
        self.network = network.captureState()
        optimizers = optimizer.saveState()
        plateau = schedule.plateauProgress
    }

    /// Puts the checkpoint into a run's fresh network, optimizers and schedule, and returns its
    /// training state. When it throws (a checkpoint of another model or data), the optimizers may
    /// hold part of it; the network and schedule are unchanged.
    func resume(network: Network, optimizer: GroupedOptimizer, schedule: inout LearningRateController, trainingRows: [Int])
        throws(OptimizerSnapshotError) -> TrainingState {
        guard network.fits(self.network), state.best.map(network.fits) ?? true else {
            throw OptimizerSnapshotError("the checkpoint's network has other sizes")
        }
        guard state.order.sorted() == trainingRows.sorted() else {
            throw OptimizerSnapshotError("the checkpoint's training rows differ from the run's")
        }
        try optimizer.restoreState(optimizers)
        network.restore(self.network)
        schedule.resume(plateauProgress: plateau)
        return state
    }
}
