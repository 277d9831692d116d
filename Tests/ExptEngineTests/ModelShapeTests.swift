import Testing
@testable import ExptEngine

struct ModelShapeTests {
    /// The benchmark CNN on 1 x 28 x 28: 28 → 28 (pad 2) → 14 → 14 → 7, then 32·7·7 = 1568 → 10.
    @Test func cnnShapesAndParameterCounts() throws {
        let layers: [LayerSpec] = [
            .conv2d(Conv2DSpec(filters: 16, kernel: 5, padding: 2, activation: .relu)), .maxPool2d(PoolSpec(kernel: 2)),
            .conv2d(Conv2DSpec(filters: 32, kernel: 5, padding: 2, activation: .relu)), .maxPool2d(PoolSpec(kernel: 2)),
            .flatten, .dense(DenseSpec(units: 10)),
        ]
        let shapes = try ModelShape.infer(inputShape: [1, 28, 28], layers: layers)
        #expect(shapes.map(\.output) == [[16, 28, 28], [16, 14, 14], [32, 14, 14], [32, 7, 7], [1568], [10]])
        // 16·1·25 + 16 = 416; 32·16·25 + 32 = 12832; 1568·10 + 10 = 15690.
        #expect(shapes.map(\.parameterCount) == [416, 0, 12832, 0, 0, 15690])
        #expect(ModelShape.parameterCount(shapes) == 28938)
    }

    /// The benchmark GRU: 40 steps of 1 feature, 64 units, last state, then 10 classes.
    /// GRU parameters as torch: 3·64·1 + 3·64·64 + 2·3·64 = 192 + 12288 + 384 = 12864.
    @Test func gruShapesAndParameterCounts() throws {
        let layers: [LayerSpec] = [.recurrent(RecurrentSpec(cell: .gru, units: 64)), .dense(DenseSpec(units: 10))]
        let shapes = try ModelShape.infer(inputShape: [40, 1], layers: layers)
        #expect(shapes.map(\.output) == [[64], [10]])
        #expect(shapes.map(\.parameterCount) == [12864, 650])
        // A vector of 40 values is read as 40 steps of 1 feature.
        #expect(try ModelShape.infer(inputShape: [40], layers: layers) == shapes.map {
            LayerShape(input: $0.input == [40, 1] ? [40] : $0.input, output: $0.output, parameterCount: $0.parameterCount)
        })
    }

    @Test func otherShapes() throws {
        let sequence = try ModelShape.infer(inputShape: [7, 3], layers: [
            .recurrent(RecurrentSpec(cell: .lstm, units: 5, output: .sequence)), .batchNorm(BatchNormSpec()), .dropout(DropoutSpec(rate: 0.5)),
            .recurrent(RecurrentSpec(cell: .rnn, units: 2)),
        ])
        // lstm: 4·5·3 + 4·5·5 + 2·4·5 = 60 + 100 + 40; batchnorm: scale and shift for 5 features; rnn: 2·5 + 2·2 + 2·2.
        #expect(sequence.map(\.output) == [[7, 5], [7, 5], [7, 5], [2]])
        #expect(sequence.map(\.parameterCount) == [200, 10, 0, 18])
        // A 40-value signal as a 1 x 1 x 40 image: kernel 1, stride 2 → (40 − 1) / 2 + 1 = 20 positions.
        let signal = try ModelShape.infer(inputShape: [40], layers: [.conv2d(Conv2DSpec(filters: 4, kernel: 1, stride: 2)),
                                                                     .avgPool2d(PoolSpec(kernel: 1))])
        #expect(signal.map(\.output) == [[4, 1, 20], [4, 1, 20]])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let inputShape: [Int]
        let layers: [LayerSpec]
        let expected: String
        var testDescription: String { expected }
    }

    @Test(arguments: [
        ErrorCase(inputShape: [1, 28, 28], layers: [.conv2d(Conv2DSpec(filters: 4, kernel: 3)), .dense(DenseSpec(units: 10))],
                  expected: "model[1].dense: expects a vector input, found shape [4, 26, 26]; add a flatten layer before it"),
        ErrorCase(inputShape: [1, 4, 4], layers: [.flatten, .conv2d(Conv2DSpec(filters: 4, kernel: 5, padding: 1))],
                  expected: "model[1].conv2d: a 5x5 kernel with padding 1 does not fit an input of shape [1, 1, 16]"),
        ErrorCase(inputShape: [3, 5, 5], layers: [.maxPool2d(PoolSpec(kernel: 2)), .maxPool2d(PoolSpec(kernel: 3))],
                  expected: "model[1].maxpool2d: a 3x3 window does not fit an input of shape [3, 2, 2]"),
        ErrorCase(inputShape: [2, 8, 8], layers: [.recurrent(RecurrentSpec(cell: .gru, units: 4))],
                  expected: "model[0].gru: expects a sequence of shape [steps, features], found [2, 8, 8]"),
    ])
    func errorsNameTheLayerAndTheShapes(_ c: ErrorCase) {
        #expect(throws: ShapeError.self) { try ModelShape.infer(inputShape: c.inputShape, layers: c.layers) }
        do {
            _ = try ModelShape.infer(inputShape: c.inputShape, layers: c.layers)
        } catch {
            #expect(error.description == c.expected)
        }
    }
}
