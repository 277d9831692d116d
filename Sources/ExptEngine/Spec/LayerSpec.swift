/// One layer of a model as a manifest declares it, before shapes are known.
///
/// Shapes are those of one example: `[features]` for a vector, `[channels, height, width]` for
/// an image, `[steps, features]` for a sequence. ``ModelShape/infer(inputShape:layers:)`` checks
/// that each layer fits the shape before it.
public enum LayerSpec: Sendable, Equatable, Codable {
    case dense(DenseSpec)
    case conv2d(Conv2DSpec)
    case maxPool2d(PoolSpec)
    case avgPool2d(PoolSpec)
    /// Any shape to a vector of its values, in row-major order (no computation: a change of view).
    case flatten
    case dropout(DropoutSpec)
    case batchNorm(BatchNormSpec)
    case recurrent(RecurrentSpec)
}

/// A fully connected layer: `y = activation(x W + b)`.
public struct DenseSpec: Sendable, Equatable, Codable {
    public var units: Int
    public var activation: Activation
    public var initializer: Initializer
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(units: Int, activation: Activation = .identity, initializer: Initializer? = nil, leakySlope: Float = 0.01) {
        self.units = units
        self.activation = activation
        self.initializer = initializer ?? Initializer.defaultFor(activation)
        self.leakySlope = leakySlope
    }
}

/// A 2D convolution (cross-correlation, as torch's `Conv2d`) over `[channels, height, width]`,
/// with square kernels, the same stride and zero padding on both axes.
public struct Conv2DSpec: Sendable, Equatable, Codable {
    public var filters: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int
    public var activation: Activation
    public var initializer: Initializer
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0, activation: Activation = .identity,
                initializer: Initializer? = nil, leakySlope: Float = 0.01) {
        self.filters = filters
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.activation = activation
        self.initializer = initializer ?? Initializer.defaultFor(activation)
        self.leakySlope = leakySlope
    }
}

/// A square max or average pooling window, without padding; the stride defaults to the window.
public struct PoolSpec: Sendable, Equatable, Codable {
    public var kernel: Int
    public var stride: Int

    public init(kernel: Int, stride: Int? = nil) {
        self.kernel = kernel
        self.stride = stride ?? kernel
    }
}

/// Inverted dropout: in training each value is zeroed with probability `rate` and the others
/// scaled by 1 / (1 − rate); at evaluation the layer passes its input through.
public struct DropoutSpec: Sendable, Equatable, Codable {
    public var rate: Double

    public init(rate: Double) {
        self.rate = rate
    }
}

/// Batch normalisation, as torch's `BatchNorm1d`/`BatchNorm2d`: per feature for vectors, per
/// channel for images, per feature (over batch and steps) for sequences; then an activation.
public struct BatchNormSpec: Sendable, Equatable, Codable {
    /// Weight of the newest batch in the running statistics.
    public var momentum: Double
    /// Added to the variance before the square root.
    public var epsilon: Double
    public var activation: Activation
    /// The negative slope of `leaky_relu` (unused by other activations).
    public var leakySlope: Float

    public init(momentum: Double = 0.1, epsilon: Double = 1e-5, activation: Activation = .identity, leakySlope: Float = 0.01) {
        self.momentum = momentum
        self.epsilon = epsilon
        self.activation = activation
        self.leakySlope = leakySlope
    }
}

/// A recurrent layer over a sequence `[steps, features]`, with torch's gate equations and order.
public struct RecurrentSpec: Sendable, Equatable, Codable {
    /// Which recurrence.
    public enum Cell: String, CaseIterable, Sendable, Codable {
        /// Elman: `h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)`.
        case rnn
        /// Gates (r, z, n), as `torch.nn.GRU`.
        case gru
        /// Gates (i, f, g, o), as `torch.nn.LSTM`.
        case lstm

        /// Gates per unit: the rows of the weight matrices are `gates x units`.
        var gates: Int {
            switch self {
            case .rnn: 1
            case .gru: 3
            case .lstm: 4
            }
        }
    }

    /// What the layer returns.
    public enum Output: String, CaseIterable, Sendable, Codable {
        /// The last hidden state, `[units]`.
        case last
        /// Every hidden state, `[steps, units]`.
        case sequence
    }

    public var cell: Cell
    public var units: Int
    public var output: Output
    /// Of the input-to-hidden weights.
    public var initializer: Initializer
    /// Of the hidden-to-hidden weights.
    public var recurrentInitializer: Initializer

    public init(cell: Cell, units: Int, output: Output = .last, initializer: Initializer = .xavier,
                recurrentInitializer: Initializer = .orthogonal) {
        self.cell = cell
        self.units = units
        self.output = output
        self.initializer = initializer
        self.recurrentInitializer = recurrentInitializer
    }
}
