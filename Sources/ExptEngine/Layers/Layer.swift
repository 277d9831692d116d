/// One stage of a network, with its backward pass beside its forward pass.
///
/// A layer owns its output and output-gradient buffers (allocated once for the network's
/// largest batch) and views of its slices of the network's parameter and gradient buffers.
/// Matrices are row-major, one row per example.
protocol Layer: AnyObject {
    var inputSize: Int { get }
    var outputSize: Int { get }
    /// The outputs of the last `forward`, batch x outputSize.
    var output: FloatBuffer { get }
    /// The loss gradient with respect to `output`: written by the next layer (or the loss)
    /// before `backward`, which may overwrite it.
    var outputGradient: FloatBuffer { get }

    /// Computes `output` for the first `batchSize` rows of `input` (batchSize x inputSize).
    func forward(input: UnsafePointer<Float>, batchSize: Int)

    /// From `outputGradient` and the `input` of the matching `forward`, overwrites this layer's
    /// parameter gradients and, unless `inputGradient` is nil, writes the loss gradient with
    /// respect to `input` there (batchSize x inputSize).
    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int)
}
