import Foundation
import Testing
@testable import ExptEngine

/// Runs compute with contexts of their own: two networks trained at the same time in two tasks,
/// with different thread counts and instruction sets, give the recorded bits, and each
/// context's work is shared out on its own threads even while another context works.
struct ComputeContextTests {
    /// A model and its recorded checksum: of the losses of three SGD steps, then the parameters.
    struct Recorded: Sendable, CustomTestStringConvertible {
        let name: String
        let inputShape: [Int]
        let layers: [LayerSpec]
        let checksum: UInt64
        var testDescription: String { name }
    }

    /// A CNN (the convolutions' shared scratch buffers and their blocks of examples, the 2 x 2
    /// pool, the dense products) and a GRU (the cell kernels and the tanh and logistic functions).
    static let recorded = [
        Recorded(name: "cnn", inputShape: [2, 8, 8], layers: [
            .conv2d(Conv2DSpec(filters: 4, kernel: 3, padding: 1, activation: .tanh)),
            .maxPool2d(PoolSpec(kernel: 2)),
            .conv2d(Conv2DSpec(filters: 3, kernel: 3, padding: 1, activation: .relu)),
            .flatten,
            .dense(.init(units: 3)),
        ], checksum: 6_946_807_849_827_413_460),
        Recorded(name: "gru", inputShape: [6, 3], layers: [
            .recurrent(RecurrentSpec(cell: .gru, units: 40)),
            .dense(.init(units: 3, activation: .sigmoid)),
        ], checksum: 11_463_604_548_982_442_445),
    ]

    /// Three steps of plain SGD (rate 0.1) on batches of 19 seeded examples: the step losses,
    /// then the final parameters.
    static func train(_ r: Recorded, context: ComputeContext) -> [Float] {
        var generator = SeededGenerator(seed: 5)
        let network = Network(inputShape: r.inputShape, layers: r.layers, loss: .crossEntropy, maxBatchSize: 19,
                              generator: &generator, context: context)
        var losses: [Float] = []
        for step in 0..<3 {
            let inputs = uniformValues(19 * network.inputSize, seed: 40 + UInt64(step))
            let labels = (0..<19).map { Float(($0 + step) % 3) }
            losses.append(inputs.withUnsafeBufferPointer { x in
                labels.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 19) }
            })
            for i in 0..<network.parameters.count { network.parameters[i] -= 0.1 * network.gradients[i] }
        }
        return losses + network.parameters.array
    }

    /// One thread with the widest set and, at the same time, two threads with the narrowest
    /// (the baseline, when the CPU has a wider one).
    @Test(arguments: recorded)
    func twoRunsAtOnceGiveTheRecordedBits(_ r: Recorded) async {
        async let one = Task.detached { Self.train(r, context: ComputeContext(threads: 1)) }.value
        async let two = Task.detached {
            Self.train(r, context: ComputeContext(threads: 2, instructionSet: InstructionSet.supported.last!))
        }.value
        let (single, shared) = await (one, two)
        #expect(Set(single.prefix(3)).count == 3)  // not vacuous: the steps' losses differ
        #expect(BitSweep.checksum(single) == r.checksum, "1 thread, \(InstructionSet.widest.rawValue)")
        #expect(BitSweep.checksum(shared) == r.checksum, "2 threads, \(InstructionSet.supported.last!.rawValue)")
    }

    /// Each context's two parts run on two threads (the caller's and its own worker), while
    /// another context shares work out at the same time: no run waits for another's workers.
    @Test func eachContextSharesWorkOnItsOwnThreads() async {
        // Many jobs each, so that the two contexts' jobs overlap.
        func partThreads(_ context: ComputeContext) -> [pthread_t] {
            var threads = [pthread_t](repeating: 0, count: 2)
            threads.withUnsafeMutableBufferPointer { threads in
                for _ in 0..<200 {
                    context.share(2) { part, _ in threads[part] = pthread_self() }
                }
            }
            return threads
        }
        async let first = Task.detached { partThreads(ComputeContext(threads: 2)) }.value
        async let second = Task.detached { partThreads(ComputeContext(threads: 2)) }.value
        for threads in await [first, second] {
            #expect(threads[0] != 0 && threads[1] != 0 && threads[0] != threads[1])
        }
    }

    /// The convolutions of a network share one set of scratch buffers, one per thread, as large
    /// as the largest convolution's unrolled patches (2·3·3 x 8·8 here, not that plus 4·3·3 x 4·4).
    @Test func convolutionsShareTheLargestScratchBuffers() {
        var generator = SeededGenerator(seed: 1)
        let context = ComputeContext(threads: 3)
        _ = Network(inputShape: [2, 8, 8], layers: Self.recorded[0].layers, loss: .crossEntropy, maxBatchSize: 2,
                    generator: &generator, context: context)
        #expect(context.scratch.perThread.map(\.count) == [1152, 1152, 1152])
    }
}
