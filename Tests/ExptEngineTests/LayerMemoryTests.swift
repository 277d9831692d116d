import ExptEngine
import ExptTestSupport
import Testing

/// What each layer kind says it allocates, worked out by hand from its buffers.
struct LayerMemoryTests {
    static func memory(_ layer: LayerSpec, input: [Int]) throws -> LayerMemory {
        let shape = try #require(try ModelShape.infer(inputShape: input, layers: [layer]).first)
        return layer.settings.memory(shape)
    }

    @Test func eachKindCountsItsBuffers() throws {
        // Dense 10 → 4: output, gradient, pre-activation: 3 · 4.
        #expect(try Self.memory(.dense(DenseSpec(units: 4, activation: .relu)), input: [10]) == LayerMemory(perExample: 12))
        // Conv 3 → 2 filters, kernel 3, on 5 × 5: output [2, 3, 3] = 18 values, 3 · 18 + 56 / 8 = 61 per
        // example (56 parameters: 2 · 3 · 9 weights and 2 biases); per thread the unfolded input
        // 3 · 9 · 9 = 243, the masks 3 · 9 = 27 and one chunk of gradients 56: 326.
        #expect(try Self.memory(.conv2d(Conv2DSpec(filters: 2, kernel: 3)), input: [3, 5, 5])
                == LayerMemory(perExample: 61, perThread: 326))
        // Max pool 2 on [1, 4, 4]: output [1, 2, 2], 3 · 4.
        #expect(try Self.memory(.maxPool2d(PoolSpec(kernel: 2)), input: [1, 4, 4]) == LayerMemory(perExample: 12))
        // Dropout on 6 values: 3 · 6; batch norm on 6 values: 4 · 6; flatten: nothing.
        #expect(try Self.memory(.dropout(DropoutSpec(rate: 0.5)), input: [6]) == LayerMemory(perExample: 18))
        #expect(try Self.memory(.batchNorm(BatchNormSpec()), input: [6]) == LayerMemory(perExample: 24))
        #expect(try Self.memory(.flatten, input: [1, 2, 2]) == LayerMemory(perExample: 0))
        // GRU, 2 units, 3 steps of 1 feature, last output: width 3 · 2 = 6;
        // 3 · (4 · 6 + 2 · 2) + 2 · 2 + 6 + 3 · 2 = 84 + 4 + 6 + 6 = 100.
        #expect(try Self.memory(.recurrent(RecurrentSpec(cell: .gru, units: 2)), input: [3, 1]) == LayerMemory(perExample: 100))
    }
}
