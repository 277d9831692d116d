import Foundation
import Testing
@testable import ExptEngine
import ExptTestSupport

/// What attention must do whatever its weights: a hand-computed case, causal masking, heads
/// that add up, and the same bits on any number of threads.
struct AttentionBehaviourTests {
    /// A layer of `spec` over `inputShape`, its parameters `values` (or seeded draws), on `context`.
    private func layer(_ spec: any LayerKind, _ inputShape: [Int], batch: Int, parameters values: [Float]? = nil,
                       context: ComputeContext = ComputeContext()) throws -> (any Layer, FloatBuffer, FloatBuffer) {
        let shape = try ModelShape.infer(inputShape: inputShape, layers: [LayerSpec(spec)])[0]
        let parameters = FloatBuffer(values ?? uniformValues(shape.parameterCount, seed: 50))
        let gradients = FloatBuffer(count: parameters.count)
        let placement = LayerPlacement(shape: shape, parameters: parameters, gradients: gradients, offset: 0,
                                       maxBatchSize: batch, context: context)
        return (try #require(spec.makeLayer(placement)), parameters, gradients)
    }

    /// One feature, one head of size 1, every weight 1 and every bias 0, x = (1, 2): the scores
    /// are x_i x_j, so position 0 weighs the values 1 and 2 by softmax(1, 2) and position 1 by
    /// softmax(2, 4); causal, position 0 sees only itself.
    @Test func oneFeatureByHand() throws {
        let weights: [Float] = [1, 1, 1, 0, 0, 0, 1, 0]
        let e = M_E
        for causal in [false, true] {
            let (attention, _, _) = try layer(AttentionSpec(heads: 1, causal: causal), [2, 1], batch: 1, parameters: weights)
            let x = FloatBuffer([1, 2])
            attention.forward(input: x.pointer, batchSize: 1, training: false)
            let first = causal ? 1 : (1 + 2 * e) / (1 + e)
            let second = (1 + 2 * e * e) / (1 + e * e)
            #expect(abs(Double(attention.output[0]) - first) <= 1e-6)
            #expect(abs(Double(attention.output[1]) - second) <= 1e-6)
        }
    }

    /// Changing the last token changes the outputs at the last position only, to the bit.
    @Test func causalAttentionIgnoresLaterPositions() throws {
        let (attention, _, _) = try layer(AttentionSpec(heads: 2, causal: true), [4, 6], batch: 1)
        let x = FloatBuffer(uniformValues(24, seed: 51))
        attention.forward(input: x.pointer, batchSize: 1, training: false)
        let before = attention.output.array
        for j in 18..<24 { x[j] += 0.5 }
        attention.forward(input: x.pointer, batchSize: 1, training: false)
        let after = attention.output.array
        #expect(Array(before[0..<18]) == Array(after[0..<18]))
        #expect((18..<24).allSatisfy { before[$0] != after[$0] })
    }

    /// Two heads give the sum of two one-head layers that hold each head's rows of the input
    /// projection and columns of the output projection (the output bias once).
    @Test func headsAddUp() throws {
        let (features, positions, heads, size) = (4, 3, 2, 2)
        let width = heads * size
        let (both, parameters, _) = try layer(AttentionSpec(heads: heads), [positions, features], batch: 2)
        let all = parameters.array
        let inWeight = Array(all[0..<3 * width * features]), inBias = Array(all[3 * width * features..<3 * width * (features + 1)])
        let outStart = 3 * width * (features + 1)
        let outWeight = Array(all[outStart..<outStart + features * width]), outBias = Array(all[outStart + features * width..<all.count])
        let x = FloatBuffer(uniformValues(2 * positions * features, seed: 52))
        both.forward(input: x.pointer, batchSize: 2, training: false)
        var sum = [Float](repeating: 0, count: 2 * positions * features)
        for head in 0..<heads {
            var single: [Float] = []
            for part in 0..<3 {
                let rows = (part * width + head * size)..<(part * width + (head + 1) * size)
                for row in rows { single += inWeight[row * features..<(row + 1) * features] }
            }
            for part in 0..<3 { single += inBias[(part * width + head * size)..<(part * width + (head + 1) * size)] }
            for row in 0..<features { single += outWeight[(row * width + head * size)..<(row * width + (head + 1) * size)] }
            single += head == 0 ? outBias : [Float](repeating: 0, count: features)
            let (one, _, _) = try layer(AttentionSpec(heads: 1, headSize: size), [positions, features], batch: 2, parameters: single)
            one.forward(input: x.pointer, batchSize: 2, training: false)
            for i in sum.indices { sum[i] += one.output[i] }
        }
        for i in sum.indices { #expect(abs(sum[i] - both.output[i]) <= 1e-6, "output \(i)") }
    }

    /// A transformer block's outputs and gradients are the same bits on one thread and on two.
    @Test func blockGivesTheSameBitsOnTwoThreads() throws {
        let spec = TransformerBlockSpec(heads: 2, causal: true)
        var results: [[Float]] = []
        for threads in [1, 2] {
            let (block, _, gradients) = try layer(spec, [8, 8], batch: 4, context: ComputeContext(threads: threads))
            let x = FloatBuffer(uniformValues(4 * 64, seed: 53))
            block.forward(input: x.pointer, batchSize: 4, training: true)
            for i in 0..<4 * 64 { block.outputGradient[i] = Float(i % 7) - 3 }
            let inputGradient = FloatBuffer(count: x.count)
            block.backward(input: x.pointer, inputGradient: inputGradient.pointer, batchSize: 4)
            results.append(block.output.array + inputGradient.array + gradients.array)
        }
        #expect(results[0].map(\.bitPattern) == results[1].map(\.bitPattern))
        #expect(results[0].contains { $0 != 0 })
    }
}
