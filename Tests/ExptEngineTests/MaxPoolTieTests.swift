import Testing
@testable import ExptEngine

/// 2 x 2 max pooling picks the first maximum of each window row by row (as torch does), which
/// decides where the gradient goes when values tie (relu's zeros tie all the time).
struct MaxPoolTieTests {
    // Four windows, each with a tie: [[1, 2], [2, 0]] → the top right 2; [[0, 0], [0, 0]] → the
    // top left; [[0, 1], [3, 3]] → the bottom left 3; [[5, 1], [5, 5]] → the top left 5.
    static let plane: [Float] = [
        1, 2, 0, 0,
        2, 0, 0, 0,
        0, 1, 5, 1,
        3, 3, 5, 5,
    ]
    static let outputs: [Float] = [2, 0, 3, 5]
    // Output gradients 1, 2, 3, 4 (then 5 to 8 for the second plane) land on those positions.
    static let inputGradient: [Float] = [
        0, 1, 2, 0,
        0, 0, 0, 0,
        0, 0, 4, 0,
        3, 0, 0, 0,
    ]

    @Test(arguments: [1, 2])
    func firstMaximumOfEachWindowTakesTheGradient(batch: Int) {
        let layer = PoolLayer(mode: .max, image: [1, 4, 4], spec: PoolSpec(kernel: 2), maxBatchSize: 2, context: ComputeContext())
        let input = FloatBuffer(Array([Self.plane, Self.plane.map { $0 * 2 }].joined().prefix(16 * batch)))
        layer.forward(input: input.pointer, batchSize: batch, training: true)
        let expectedOutputs = Array([Self.outputs, Self.outputs.map { $0 * 2 }].joined().prefix(4 * batch))
        #expect(Array(UnsafeBufferPointer(start: layer.output.pointer, count: 4 * batch)) == expectedOutputs)

        for i in 0..<4 * batch { layer.outputGradient[i] = Float(i + 1) }
        let gradient = FloatBuffer(count: 16 * batch, value: .nan)
        layer.backward(input: input.pointer, inputGradient: gradient.pointer, batchSize: batch)
        let secondPlane = Self.inputGradient.map { $0 == 0 ? 0 : $0 + 4 }
        #expect(Array(UnsafeBufferPointer(start: gradient.pointer, count: 16 * batch))
                == Array([Self.inputGradient, secondPlane].joined().prefix(16 * batch)))
    }

    /// The 2 x 2 path against the general loop on relu-like data (a third of the values tied at
    /// zero, coarse values that often tie, a NaN), odd widths and heights included.
    @Test(arguments: [[3, 6, 7], [2, 5, 4], [1, 2, 2]])
    func twoByTwoPathMatchesTheGeneralLoop(image: [Int]) {
        let batch = 3
        let layer = PoolLayer(mode: .max, image: image, spec: PoolSpec(kernel: 2), maxBatchSize: batch, context: ComputeContext())
        var values = uniformValues(batch * layer.inputSize, seed: 40).map { max(0, ($0 * 4).rounded()) }
        values[5] = .nan
        let input = FloatBuffer(values)
        let count = batch * layer.outputSize
        layer.maxPool(input.pointer, planes: batch * image[0], kernel: 2, stride: 2)
        let expectedOutputs = (0..<count).map { layer.output[$0].bitPattern }
        let expectedIndices = Array(UnsafeBufferPointer(start: layer.argmax, count: count))
        layer.output.fill(-1)
        layer.argmax.update(repeating: -1, count: count)
        layer.maxPool2x2(input.pointer, batchSize: batch)
        #expect((0..<count).map { layer.output[$0].bitPattern } == expectedOutputs)
        #expect(Array(UnsafeBufferPointer(start: layer.argmax, count: count)) == expectedIndices)
    }
}
