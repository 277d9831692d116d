/// One tensor of a model's flat parameter buffer: its name as torch's `state_dict` gives it
/// (`0.weight`, `2.bias_hh_l0`), the elements it occupies, and its shape in torch's order
/// (`[out, in]` for a fully connected weight, `[out, in, kh, kw]` for a convolution's).
///
/// A tensor is stored row-major in torch's shape, except where `storedTransposed` says that a
/// matrix `[r, c]` is stored as its transpose `[c, r]` (expt's fully connected weights, which
/// are `[in, out]` so that the forward pass needs no transpose).
public struct ParameterTensor: Sendable, Equatable {
    /// The `state_dict` key: the layer's index in the manifest's `model` list, a dot, torch's
    /// name of the tensor in its module.
    public let name: String
    /// Indices into the flat parameter buffer.
    public let range: Range<Int>
    /// torch's shape; its product is `range.count`.
    public let shape: [Int]
    /// The matrix `shape` is stored as its transpose (only for two dimensions).
    public let storedTransposed: Bool

    public init(name: String, range: Range<Int>, shape: [Int], storedTransposed: Bool = false) {
        precondition(shape.reduce(1, *) == range.count, "a tensor's shape must hold its elements")
        precondition(!storedTransposed || shape.count == 2, "only a matrix is stored transposed")
        self.name = name
        self.range = range
        self.shape = shape
        self.storedTransposed = storedTransposed
    }

    /// The number of elements.
    public var count: Int { range.count }

    /// torch's shape read as a matrix `[rows, columns]`, the first dimension against the product
    /// of the others (how torch.optim.Muon reads a convolution's weight; Adafactor factors the
    /// last two dimensions instead), or nil for
    /// a vector or a scalar.
    public var matrixShape: (rows: Int, columns: Int)? {
        guard shape.count >= 2 else { return nil }
        return (shape[0], shape.dropFirst().reduce(1, *))
    }
}

/// The tensors of a flat parameter buffer, in storage order, covering it without gaps: what an
/// optimizer that works per tensor (layer-wise trust ratios, factored moments, orthogonalised
/// matrices) needs to know beyond the element count. Element-wise rules ignore it.
public struct ParameterLayout: Sendable, Equatable {
    public let tensors: [ParameterTensor]
    /// Elements in the buffer.
    public let count: Int

    /// The layout of `tensors`, which must follow each other from 0 without gaps.
    public init(tensors: [ParameterTensor]) {
        var end = 0
        for tensor in tensors {
            precondition(tensor.range.lowerBound == end, "tensors must cover the buffer in order")
            end = tensor.range.upperBound
        }
        self.tensors = tensors
        count = end
    }

    /// A buffer of `count` elements seen as one vector (named `0`): the 2D test functions, and
    /// callers that know nothing of tensors.
    public static func vector(_ count: Int) -> ParameterLayout {
        ParameterLayout(tensors: count > 0 ? [ParameterTensor(name: "0", range: 0..<count, shape: [count])] : [])
    }

    /// The tensors within `range` (which must start and end at tensor boundaries), with their
    /// ranges counted from `range.lowerBound`: the layout of one parameter group's slice.
    public func slice(_ range: Range<Int>) -> ParameterLayout {
        let inside = tensors.filter { range.contains($0.range.lowerBound) }
        precondition(inside.map(\.count).reduce(0, +) == range.count, "a slice must hold whole tensors")
        return ParameterLayout(tensors: inside.map { tensor in
            ParameterTensor(name: tensor.name, range: tensor.range.lowerBound - range.lowerBound..<tensor.range.upperBound - range.lowerBound,
                            shape: tensor.shape, storedTransposed: tensor.storedTransposed)
        })
    }
}
