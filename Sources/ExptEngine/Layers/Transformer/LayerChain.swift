/// Layers applied one after another as one layer: the building block of the composite layers
/// (``ResidualLayer``, a `feed_forward`), whose sub-layers own consecutive slices of the
/// network's parameter buffer. Its output is its last layer's; backward runs the layers in
/// reverse, each writing the previous one's output gradient, as ``Network`` does.
final class LayerChain: Layer {
    let layers: [any Layer]
    let inputSize: Int

    init(_ layers: [any Layer]) {
        precondition(!layers.isEmpty, "a chain needs at least one layer")
        self.layers = layers
        inputSize = layers[0].inputSize
    }

    var outputSize: Int { layers[layers.count - 1].outputSize }
    var output: FloatBuffer { layers[layers.count - 1].output }
    var outputGradient: FloatBuffer { layers[layers.count - 1].outputGradient }

    /// Each layer draws its parameters in turn (storage order).
    func initialize(generator: inout SeededGenerator) {
        for layer in layers { layer.initialize(generator: &generator) }
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        var current = input
        for layer in layers {
            layer.forward(input: current, batchSize: batchSize, training: training)
            current = UnsafePointer(layer.output.pointer)
        }
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        for index in stride(from: layers.count - 1, through: 1, by: -1) {
            let previous = layers[index - 1]
            layers[index].backward(input: previous.output.pointer, inputGradient: previous.outputGradient.pointer, batchSize: batchSize)
        }
        layers[0].backward(input: input, inputGradient: inputGradient, batchSize: batchSize)
    }
}
