import ExptConfig
import ExptEngine
import ExptManifest
import ExptOptim

/// The optimizers of a run, one per contiguous range of layers that share a parameter group
/// (torch's param_groups): the layers of no group use the run's optimizer. Each range has its
/// own optimizer state, and every step scales each range's base rate by the same schedule
/// factor, as torch's schedulers do for each param group.
final class GroupedOptimizer {
    /// One optimizer over one slice of the flat parameter buffer.
    struct Segment {
        let range: Range<Int>
        let optimizer: any Optimizer
        /// The group's base rate; nil for the run's own optimizer, which takes the scheduled rate as it is.
        let baseLearningRate: Double?
    }

    let segments: [Segment]

    /// - Parameters:
    ///   - ranges: each layer's slice of the parameter buffer, in layer order (`Network.parameterRanges`).
    ///   - layout: the network's tensors (`Network.parameterLayout`); each optimizer gets its slice's.
    init(optimizer: OptimizerConfig, groups: [ParameterGroup], ranges: [Range<Int>], layout: ParameterLayout) {
        var groupOfLayer = [Int?](repeating: nil, count: ranges.count)
        for (index, group) in groups.enumerated() {
            for layer in group.layers { groupOfLayer[layer] = index }
        }
        var segments: [Segment] = []
        var layer = 0
        while layer < ranges.count {
            let group = groupOfLayer[layer]
            var end = layer + 1
            while end < ranges.count && groupOfLayer[end] == group { end += 1 }
            let range = ranges[layer].lowerBound..<ranges[end - 1].upperBound
            let config = group.map { groups[$0].optimizer } ?? optimizer
            segments.append(Segment(range: range, optimizer: config.makeOptimizer(layout: layout.slice(range)),
                                    baseLearningRate: group.map { _ in config.learningRate }))
            layer = end
        }
        self.segments = segments
    }

    /// One step of every optimizer on its slice; `learningRate` is the run's scheduled rate, and
    /// a group's rate is its base rate times `learningRate / runBaseLearningRate`. `reevaluate`
    /// (the loss and gradient at the parameters as they then are, on the step's batch) reaches
    /// every optimizer; the manifest lets a rule that calls it have no parameter groups, so it
    /// never rewrites the gradients of a slice that has yet to step.
    func step(parameters: FloatBuffer, gradients: FloatBuffer, learningRate: Double, runBaseLearningRate: Double,
              reevaluate: Reevaluation? = nil) {
        let factor = learningRate / runBaseLearningRate
        for segment in segments {
            let rate = segment.baseLearningRate.map { $0 * factor } ?? learningRate
            segment.optimizer.step(parameters: parameters.slice(segment.range),
                                   gradients: UnsafeBufferPointer(gradients.slice(segment.range)),
                                   learningRate: rate, reevaluate: reevaluate)
        }
    }

    /// Moves every slice to its optimizer's evaluation point (`toEvaluation` true) or back.
    func moveParameters(_ parameters: FloatBuffer, toEvaluation: Bool) {
        for segment in segments {
            segment.optimizer.moveParameters(parameters.slice(segment.range), toEvaluation: toEvaluation)
        }
    }

    /// Every segment's optimizer state, under the segment's index (`0.`, `1.`, …).
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot()
        for (index, segment) in segments.enumerated() { snapshot.add(segment.optimizer.saveState(), as: "\(index)") }
        return snapshot
    }

    /// Puts back what ``saveState()`` saved from the same optimizers; when it throws, the
    /// optimizers may hold part of it and are not to be used further.
    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        for (index, segment) in segments.enumerated() { try segment.optimizer.restoreState(snapshot.part("\(index)")) }
    }
}
