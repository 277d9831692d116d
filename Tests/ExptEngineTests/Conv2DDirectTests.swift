import Testing
@testable import ExptEngine

/// conv2d's output (im2col and one matrix product per example) against the definition,
/// y[f][oy][ox] = b[f] + Σ_{c,i,j} W[f][c][i][j] · x[c][oy·s − p + i][ox·s − p + j] (zero outside),
/// summed directly in Double. Covers both unrolling paths: the shifted block ("same" padding,
/// stride 1) and line by line (any other stride or padding).
struct Conv2DDirectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let image: [Int]
        let spec: Conv2DSpec
        var testDescription: String { "\(LayerSpec.conv2d(spec)) on \(image)" }
    }

    static let cases = [
        Case(image: [2, 6, 5], spec: Conv2DSpec(filters: 3, kernel: 5, padding: 2)),
        Case(image: [3, 4, 7], spec: Conv2DSpec(filters: 2, kernel: 3, padding: 1)),
        Case(image: [1, 5, 5], spec: Conv2DSpec(filters: 2, kernel: 3)),
        Case(image: [2, 7, 6], spec: Conv2DSpec(filters: 2, kernel: 3, stride: 2, padding: 1)),
        Case(image: [1, 4, 6], spec: Conv2DSpec(filters: 1, kernel: 3, stride: 1, padding: 2)),
    ]

    @Test(arguments: cases)
    func outputsMatchTheDefinition(_ c: Case) throws {
        let (channels, height, width) = (c.image[0], c.image[1], c.image[2])
        let (k, s, p, filters) = (c.spec.kernel, c.spec.stride, c.spec.padding, c.spec.filters)
        let batch = 3
        let shape = try ModelShape.infer(inputShape: c.image, layers: [.conv2d(c.spec)])[0]
        let parameters = FloatBuffer(uniformValues(shape.parameterCount, seed: 50))
        let gradients = FloatBuffer(count: parameters.count)
        let layer = try #require(Network.makeLayer(.conv2d(c.spec), shape: shape, parameters: parameters,
                                                   gradients: gradients, offset: 0, maxBatchSize: batch))
        let input = FloatBuffer(uniformValues(batch * layer.inputSize, seed: 51, in: -2, 2))
        layer.forward(input: input.pointer, batchSize: batch, training: true)

        let (outHeight, outWidth) = (shape.output[1], shape.output[2])
        let bias = filters * channels * k * k
        for example in 0..<batch {
            for f in 0..<filters {
                for oy in 0..<outHeight {
                    for ox in 0..<outWidth {
                        var expected = Double(parameters[bias + f])
                        for ch in 0..<channels {
                            for i in 0..<k {
                                for j in 0..<k {
                                    let (y, x) = (oy * s - p + i, ox * s - p + j)
                                    guard y >= 0 && y < height && x >= 0 && x < width else { continue }
                                    let w = parameters[((f * channels + ch) * k + i) * k + j]
                                    expected += Double(w) * Double(input[((example * channels + ch) * height + y) * width + x])
                                }
                            }
                        }
                        let actual = layer.output[((example * filters + f) * outHeight + oy) * outWidth + ox]
                        #expect(abs(Double(actual) - expected) <= 1e-5 * max(1, abs(expected)),
                                "example \(example), filter \(f), (\(oy), \(ox))")
                    }
                }
            }
        }
    }
}
