import Foundation
import Testing
@testable import ExptEngine

/// Every layer kind of `LayerRegistry`: its names, its defaults as its table lists them, its
/// stored JSON (written out by hand from the stored runs' config.json), and its shapes and
/// multiply-adds for one input, worked by hand.
struct LayerRegistryTests {
    @Test func namesAreUniqueAndInRegistryOrder() {
        let names = LayerRegistry.kinds.flatMap { $0.manifestNames }
        #expect(names == ["dense", "conv2d", "maxpool2d", "avgpool2d", "flatten", "dropout", "batchnorm", "rnn", "gru", "lstm",
                          "embedding", "position_embedding", "layer_norm", "attention", "feed_forward", "transformer_block",
                          "residual", "last_position"])
        let stored = LayerRegistry.kinds.map { $0.storedName }
        #expect(stored == ["dense", "conv2d", "maxPool2d", "avgPool2d", "flatten", "dropout", "batchNorm", "recurrent",
                           "embedding", "position_embedding", "layer_norm", "attention", "feed_forward", "transformer_block",
                           "residual", "last_position"])
        #expect(LayerRegistry.kind(named: "gru") == RecurrentSpec.self)
        #expect(LayerRegistry.kind(named: "conv1d") == nil)
    }

    struct Defaults: CustomTestStringConvertible, Sendable {
        let kind: any LayerKind.Type
        let listed: [String]
        var testDescription: String { kind.name }
    }

    /// Each table read over `init()`: the first row is the kind key's value (units, filters, the
    /// window, the rate), at its smallest; the initialiser is Xavier's, the identity's default.
    @Test(arguments: [
        Defaults(kind: DenseSpec.self, listed: ["units 1", "activation identity", "slope 0.01", "init xavier"]),
        Defaults(kind: Conv2DSpec.self, listed: ["filters 1", "kernel 1", "stride 1", "padding 0", "activation identity", "slope 0.01",
                                                 "init xavier"]),
        Defaults(kind: Pool2D<MaxPooling>.self, listed: ["window 1", "stride 1"]),
        Defaults(kind: Pool2D<AveragePooling>.self, listed: ["window 1", "stride 1"]),
        Defaults(kind: FlattenSpec.self, listed: []),
        Defaults(kind: DropoutSpec.self, listed: ["rate 0.0"]),
        Defaults(kind: BatchNormSpec.self, listed: ["momentum 0.1", "eps 1e-05", "activation identity", "slope 0.01"]),
        Defaults(kind: RecurrentSpec.self, listed: ["units 1", "return last", "init xavier", "recurrent_init orthogonal"]),
    ])
    func tableListsTheDefaults(_ c: Defaults) {
        #expect(c.kind.init().listed.map { "\($0.name) \($0.value)" } == c.listed)
    }

    /// Defaults that follow other settings, when the manifest leaves them out: a pool steps by its
    /// window, an initialiser follows the activation (He after relu).
    @Test func resolvedDefaultsFollowTheOtherSettings() {
        let pool = Pool2D<MaxPooling>(PoolSpec(kernel: 3, stride: 1))
        #expect(pool.resolved(givenKeys: ["window"]).window == PoolSpec(kernel: 3, stride: 3))
        #expect(pool.resolved(givenKeys: ["window", "stride"]).window == PoolSpec(kernel: 3, stride: 1))
        var dense = DenseSpec()
        dense.activation = .relu
        #expect(dense.resolved(givenKeys: ["units", "activation"]).initializer == .he)
        #expect(dense.resolved(givenKeys: ["units", "activation", "init"]).initializer == .xavier)
        var conv = Conv2DSpec()
        conv.activation = .leakyRelu
        #expect(conv.resolved(givenKeys: ["filters"]).initializer == .he)
    }

    struct Stored: CustomTestStringConvertible, Sendable {
        let layer: LayerSpec
        let json: String
        var testDescription: String { layer.description }
    }

    @Test(arguments: [
        Stored(layer: .dense(DenseSpec(units: 64, activation: .relu)),
               json: #"{"dense":{"_0":{"activation":"relu","initializer":"he","leakySlope":0.01,"units":64}}}"#),
        Stored(layer: .conv2d(Conv2DSpec(filters: 25, kernel: 5, stride: 2, padding: 2, activation: .relu)),
               json: #"{"conv2d":{"_0":{"activation":"relu","filters":25,"initializer":"he","kernel":5,"leakySlope":0.01,"padding":2,"stride":2}}}"#),
        Stored(layer: .maxPool2d(PoolSpec(kernel: 2)), json: #"{"maxPool2d":{"_0":{"kernel":2,"stride":2}}}"#),
        Stored(layer: .avgPool2d(PoolSpec(kernel: 3, stride: 1)), json: #"{"avgPool2d":{"_0":{"kernel":3,"stride":1}}}"#),
        Stored(layer: .flatten, json: #"{"flatten":{}}"#),
        Stored(layer: .dropout(DropoutSpec(rate: 0.5)), json: #"{"dropout":{"_0":{"rate":0.5}}}"#),
        Stored(layer: .batchNorm(BatchNormSpec(momentum: 0.2, epsilon: 0.001, activation: .tanh)),
               json: #"{"batchNorm":{"_0":{"activation":"tanh","epsilon":0.001,"leakySlope":0.01,"momentum":0.2}}}"#),
        Stored(layer: .recurrent(RecurrentSpec(cell: .gru, units: 8, output: .sequence)),
               json: #"{"recurrent":{"_0":{"cell":"gru","initializer":"xavier","output":"sequence","recurrentInitializer":"orthogonal","units":8}}}"#),
    ])
    func storedFormIsTheEnumsAndRoundTrips(_ c: Stored) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(c.layer), as: UTF8.self) == c.json)
        #expect(try JSONDecoder().decode(LayerSpec.self, from: Data(c.json.utf8)) == c.layer)
    }

    @Test func anUnknownStoredNameIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LayerSpec.self, from: Data(#"{"maxpool2d":{"_0":{"kernel":2,"stride":2}}}"#.utf8))
        }
    }

    struct Cost: CustomTestStringConvertible, Sendable {
        let layer: LayerSpec
        let line: String
        let shape: LayerShape
        let multiplyAdds: Double
        var testDescription: String { line }
    }

    @Test(arguments: [
        // 4·10 weights + 10 biases; one multiply-add per weight (biases counted as weights).
        Cost(layer: .dense(DenseSpec(units: 10, activation: .relu, initializer: .xavier)), line: "dense 10 relu (xavier init)",
             shape: LayerShape(input: [4], output: [10], parameterCount: 50), multiplyAdds: 50),
        // 2·1·3·3 + 2 = 20 parameters, (5 + 2 − 3) / 1 + 1 = 5 positions a side: 20·25.
        Cost(layer: .conv2d(Conv2DSpec(filters: 2, kernel: 3, padding: 1)), line: "conv2d 2 3x3 pad 1",
             shape: LayerShape(input: [1, 5, 5], output: [2, 5, 5], parameterCount: 20), multiplyAdds: 500),
        // 2x2 windows by 2: 4 → 2 a side, 3·2·2 outputs.
        Cost(layer: .maxPool2d(PoolSpec(kernel: 2)), line: "maxpool2d 2",
             shape: LayerShape(input: [3, 4, 4], output: [3, 2, 2], parameterCount: 0), multiplyAdds: 12),
        // A matrix [5, 5] is the image [1, 5, 5]; 3x3 windows by 1: 3 a side.
        Cost(layer: .avgPool2d(PoolSpec(kernel: 3, stride: 1)), line: "avgpool2d 3 stride 1",
             shape: LayerShape(input: [5, 5], output: [1, 3, 3], parameterCount: 0), multiplyAdds: 9),
        Cost(layer: .flatten, line: "flatten",
             shape: LayerShape(input: [3, 2, 2], output: [12], parameterCount: 0), multiplyAdds: 0),
        Cost(layer: .dropout(DropoutSpec(rate: 0.25)), line: "dropout 0.25",
             shape: LayerShape(input: [6], output: [6], parameterCount: 0), multiplyAdds: 6),
        // A scale and a shift per channel: 2·4.
        Cost(layer: .batchNorm(BatchNormSpec(activation: .relu)), line: "batchnorm relu",
             shape: LayerShape(input: [4, 3, 3], output: [4, 3, 3], parameterCount: 8), multiplyAdds: 36),
        // 3 gates · 5 units = 15 rows: 15·2 + 15·5 + 2·15 = 135 parameters, once per step of 7.
        Cost(layer: .recurrent(RecurrentSpec(cell: .gru, units: 5)), line: "gru 5",
             shape: LayerShape(input: [7, 2], output: [5], parameterCount: 135), multiplyAdds: 945),
        // A vector [6] is 6 steps of 1 feature: 4·1 + 4·4 + 2·4 = 28 parameters, 6 steps.
        Cost(layer: .recurrent(RecurrentSpec(cell: .rnn, units: 4, output: .sequence)), line: "rnn 4 sequence",
             shape: LayerShape(input: [6], output: [6, 4], parameterCount: 28), multiplyAdds: 168),
        // 4 gates · 3 units = 12 rows: 12·1 + 12·3 + 2·12 = 72 parameters, 2 steps.
        Cost(layer: .recurrent(RecurrentSpec(cell: .lstm, units: 3)), line: "lstm 3",
             shape: LayerShape(input: [2, 1], output: [3], parameterCount: 72), multiplyAdds: 144),
    ])
    func shapeCostAndLine(_ c: Cost) throws {
        #expect(try ModelShape.infer(inputShape: c.shape.input, layers: [c.layer]) == [c.shape])
        #expect(c.layer.settings.multiplyAdds(c.shape) == c.multiplyAdds)
        #expect(c.layer.description == c.line)
    }

    /// A vector [5] is the image [1, 1, 5]: one row, too short for a 2x2 window.
    @Test func aWindowThatDoesNotFitNamesTheLayer() {
        #expect(throws: ShapeError(layerIndex: 0, layerKind: "maxpool2d", message: "a 2x2 window does not fit an input of shape [1, 1, 5]")) {
            try ModelShape.infer(inputShape: [5], layers: [.maxPool2d(PoolSpec(kernel: 2))])
        }
    }
}
