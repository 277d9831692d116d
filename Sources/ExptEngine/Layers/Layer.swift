/// One stage of a network, with its backward pass beside its forward pass.
///
/// A layer owns its output and output-gradient buffers (allocated once for the network's
/// largest batch) and views of its slices of the network's parameter and gradient buffers.
/// Each example's values are contiguous (row-major in its shape: `[c][h][w]` for an image,
/// `[t][f]` for a sequence), one example after another.
public protocol Layer: AnyObject {
    /// Values per example in the input.
    var inputSize: Int { get }
    /// Values per example in `output`.
    var outputSize: Int { get }
    /// The outputs of the last `forward`, batch x outputSize.
    var output: FloatBuffer { get }
    /// The loss gradient with respect to `output`: written by the next layer (or the loss)
    /// before `backward`, which may overwrite it.
    var outputGradient: FloatBuffer { get }

    /// Draws the layer's parameters (weights from `generator` in storage order, biases zero).
    func initialize(generator: inout SeededGenerator)

    /// Computes `output` for the first `batchSize` rows of `input` (batchSize x inputSize), in
    /// training mode (random masks drawn, batch statistics used and updated) or evaluation mode.
    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool)

    /// After a training `forward` of the same `input`: from `outputGradient`, overwrites this
    /// layer's parameter gradients and, unless `inputGradient` is nil, writes the loss gradient
    /// with respect to `input` there (batchSize x inputSize).
    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int)
}

extension Layer {
    /// Layers without parameters draw nothing.
    func initialize(generator: inout SeededGenerator) {}
}
