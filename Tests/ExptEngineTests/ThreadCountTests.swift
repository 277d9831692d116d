import Testing
@testable import ExptEngine

/// A training step shared out over threads (the multiply's blocks, the convolutions' and the
/// pools' examples, the weight gradient's chunks of examples) gives the bits of one thread.
struct ThreadCountTests {
    /// The loss, gradients and outputs of one step of a small CNN on a batch of 21 examples
    /// (three chunks of the convolutions' weight gradients, the last one partial).
    func step(threads: Int) -> (loss: Float, gradients: [Float], outputs: [Float]) {
        var generator = SeededGenerator(seed: 7)
        let network = Network(inputShape: [2, 10, 10], layers: [
            .conv2d(Conv2DSpec(filters: 4, kernel: 3, padding: 1, activation: .relu)),
            .maxPool2d(PoolSpec(kernel: 2)),
            .conv2d(Conv2DSpec(filters: 6, kernel: 3, padding: 1, activation: .tanh)),
            .flatten,
            .dense(.init(units: 3)),
        ], loss: .crossEntropy, maxBatchSize: 21, generator: &generator, context: ComputeContext(threads: threads))
        let batch = 21
        let inputs = uniformValues(batch * 200, seed: 11)
        let labels = (0..<batch).map { Float($0 % 3) }
        let loss = inputs.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: batch) }
        }
        let outputs = inputs.withUnsafeBufferPointer { Array(network.outputs(inputs: $0, batchSize: batch)) }
        return (loss, Array(UnsafeBufferPointer(start: network.gradients.pointer, count: network.gradients.count)), outputs)
    }

    @Test func everyThreadCountGivesTheBitsOfOne() {
        let one = step(threads: 1)
        for threads in [2, 3, 5] {
            let shared = step(threads: threads)
            #expect(shared.loss.bitPattern == one.loss.bitPattern, "\(threads) threads: loss")
            #expect(shared.gradients.map(\.bitPattern) == one.gradients.map(\.bitPattern), "\(threads) threads: gradients")
            #expect(shared.outputs.map(\.bitPattern) == one.outputs.map(\.bitPattern), "\(threads) threads: outputs")
        }
    }
}
