import ExptEngine
import Foundation
import Testing
import ExptTestSupport

/// The cases of `Fixtures/reference_layers.json`, written by `Fixtures/reference_layers.py`
/// from torch's layers in float32.
struct LayerFixture: Decodable {
    let torch: String
    let dtype: String
    let cases: [LayerCase]

    static let shipped = FixtureFile.decode(LayerFixture.self, "reference_layers.json", in: .module)
}

/// One layer with fixed parameters and input, and torch's output.
struct LayerCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Layer: Decodable, Sendable {
        let kind: String
        let filters: Int?
        let kernel: Int?
        let stride: Int?
        let padding: Int?
        let units: Int?
        let output: String?
    }

    let name: String
    let layer: Layer
    let input_shape: [Int]
    let batch: Int
    let input: [Float]
    let parameters: [Float]
    let output: [Float]
    let running_mean: [Float]?
    let running_var: [Float]?

    var testDescription: String { name }

    /// The layer as a spec.
    var spec: LayerSpec {
        switch layer.kind {
        case "conv2d":
            .conv2d(Conv2DSpec(filters: layer.filters!, kernel: layer.kernel!, stride: layer.stride!, padding: layer.padding!))
        case "maxpool2d": .maxPool2d(PoolSpec(kernel: layer.kernel!, stride: layer.stride!))
        case "avgpool2d": .avgPool2d(PoolSpec(kernel: layer.kernel!, stride: layer.stride!))
        case "batchnorm": .batchNorm(BatchNormSpec())
        default:
            .recurrent(RecurrentSpec(cell: RecurrentSpec.Cell(rawValue: layer.kind)!, units: layer.units!,
                                     output: RecurrentSpec.Output(rawValue: layer.output!)!))
        }
    }
}
