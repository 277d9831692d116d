import ExptEngine
import Testing
@testable import ExptManifest

/// The `model` section's layers: decoding every kind with its keys and defaults, and its errors
/// word for word (shape errors included, checked against the dataset's inputs).
struct ManifestModelTests {
    @Test func everyLayerKindDecodes() throws {
        let text = """
            name: layers
            data: {dataset: blobs, classes: 4, features: 40}
            model:
              - conv2d: 8
                kernel: 1
                stride: 2
                padding: 1
                activation: leaky_relu
                slope: 0.2
                init: glorot
              - maxpool2d: 1
              - avgpool2d: 1
                stride: 2
              - batchnorm:
                momentum: 0.2
                eps: 0.001
                activation: gelu
              - flatten
              - dropout: 0.25
              - gru: 6
                return: sequence
                init: he
                recurrent_init: zeros
              - lstm: 5
              - batchnorm
              - rnn: 3
              - dense: 4
                activation: relu
            train: {epochs: 1}
            variants: {a: {optimizer: sgd}}
            """
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        #expect(config.model == [
            .conv2d(Conv2DSpec(filters: 8, kernel: 1, stride: 2, padding: 1, activation: .leakyRelu, initializer: .xavier, leakySlope: 0.2)),
            .maxPool2d(PoolSpec(kernel: 1, stride: 1)),
            .avgPool2d(PoolSpec(kernel: 1, stride: 2)),
            .batchNorm(BatchNormSpec(momentum: 0.2, epsilon: 0.001, activation: .gelu)),
            .flatten,
            .dropout(DropoutSpec(rate: 0.25)),
            .recurrent(RecurrentSpec(cell: .gru, units: 6, output: .sequence, initializer: .he, recurrentInitializer: .zeros)),
            .recurrent(RecurrentSpec(cell: .lstm, units: 5, output: .last, initializer: .xavier, recurrentInitializer: .orthogonal)),
            .batchNorm(BatchNormSpec(momentum: 0.1, epsilon: 1e-5)),
            .recurrent(RecurrentSpec(cell: .rnn, units: 3)),
            .dense(DenseSpec(units: 4, activation: .relu, initializer: .he)),
        ])
    }

    static let cases: [ErrorCase] = [
        ErrorCase("dense after a convolution without flatten", replacing: "  - dense: 16\n    activation: relu", with: "  - conv2d: 4\n    kernel: 1", #"""
            x.yaml:8:12: error: model[1].dense: expects a vector input, found shape [4, 1, 2]; add a flatten layer before it (with the 2 inputs of dataset spirals)
              - dense: 3
                       ^
            """#),
        ErrorCase("kernel larger than the input", replacing: "  - dense: 16\n    activation: relu", with: "  - conv2d: 4\n    kernel: 3", #"""
            x.yaml:6:13: error: model[0].conv2d: a 3x3 kernel with padding 0 does not fit an input of shape [1, 1, 2] (with the 2 inputs of dataset spirals)
              - conv2d: 4
                        ^
            """#),
        ErrorCase("unknown key of a layer kind", replacing: "    activation: relu", with: "    kernel: 3", #"""
            x.yaml:7:5: error: model[0].kernel: unknown key "kernel"; expected one of: activation, dense, init, slope
                kernel: 3
                ^
            """#),
        ErrorCase("misspelt key of a convolution", replacing: "  - dense: 16\n    activation: relu", with: "  - conv2d: 4\n    kernal: 1", #"""
            x.yaml:6:5: error: model[0]: missing required key "kernel"
              - conv2d: 4
                ^
            x.yaml:7:5: error: model[0].kernal: unknown key "kernal"; did you mean "kernel"?
                kernal: 1
                ^
            """#),
        ErrorCase("two kinds in one layer", replacing: "    activation: relu", with: "    gru: 4", #"""
            x.yaml:7:5: error: model[0].gru: expected one layer kind, found both "dense" and "gru"
                gru: 4
                ^
            """#),
        ErrorCase("slope without leaky relu", replacing: "    activation: relu", with: "    activation: relu\n    slope: 0.1", #"""
            x.yaml:8:12: error: model[0].slope: slope needs activation: leaky_relu
                slope: 0.1
                       ^
            """#),
        ErrorCase("dropout rate of 1", replacing: "    activation: relu", with: "    activation: relu\n  - dropout: 1", #"""
            x.yaml:8:14: error: model[1].dropout: expected a number in [0, 1), found 1
              - dropout: 1
                         ^
            """#),
        ErrorCase("flatten with a value", replacing: "    activation: relu", with: "    activation: relu\n  - flatten: 2", #"""
            x.yaml:8:14: error: model[1].flatten: expected no value, found 2
              - flatten: 2
                         ^
            """#),
        ErrorCase("unknown return mode", replacing: "  - dense: 3", with: "  - gru: 3\n    return: all", #"""
            x.yaml:9:13: error: model[1].return: unknown return mode "all"; expected one of: last, sequence
                return: all
                        ^
            """#),
        ErrorCase("recurrent output units", replacing: "  - dense: 3", with: "  - lstm: 4", #"""
            x.yaml:8:11: error: model[1].lstm: expected 3 units to match the 3 classes of dataset spirals, found 4
              - lstm: 4
                      ^
            """#),
        ErrorCase("a sequence as the output", replacing: "  - dense: 16\n    activation: relu\n  - dense: 3", with: "  - gru: 3\n    return: sequence", #"""
            x.yaml:6:10: error: model[0].gru: expected an output of shape [3] to match the 3 classes of dataset spirals, found [2, 3]
              - gru: 3
                     ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
