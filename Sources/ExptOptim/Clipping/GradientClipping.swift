/// Gradient clipping over the flat gradient buffer, as `torch.nn.utils.clip_grad_norm_` (over
/// all parameters at once) and `clip_grad_value_`, applied in that order when both are set.
///
/// With the global L2 norm ‖g‖ over every element:
///
///     maxNorm set and ‖g‖ > maxNorm:  g ← g · maxNorm / (‖g‖ + 1e-6)
///     maxValue set:                   g ← min(max(g, −maxValue), maxValue)  element by element
///
/// Scaling first and clamping second leaves a gradient within both bounds (clamping can only
/// shrink the norm). The norm is summed in double precision; the scale is applied in single.
public struct GradientClipping: Sendable, Equatable, Codable {
    /// Largest global L2 norm, or nil for no norm clipping.
    public var maxNorm: Double?
    /// Largest absolute value of an element, or nil for no value clipping.
    public var maxValue: Double?

    /// Added to the norm in the scale, as torch does, so the clipped norm is just under `maxNorm`.
    public static let normEpsilon = 1e-6

    public init(maxNorm: Double? = nil, maxValue: Double? = nil) {
        precondition(maxNorm.map { $0 > 0 } ?? true, "maxNorm must be positive")
        precondition(maxValue.map { $0 > 0 } ?? true, "maxValue must be positive")
        self.maxNorm = maxNorm
        self.maxValue = maxValue
    }

    /// The global L2 norm of `gradients`, in one pass.
    public static func norm(_ gradients: UnsafeBufferPointer<Float>) -> Double {
        var sum = 0.0
        for g in gradients {
            let x = Double(g)
            sum += x * x
        }
        return sum.squareRoot()
    }

    /// Clips `gradients` in place and returns their global norm before clipping. One pass
    /// computes the norm; a second pass, only when something must change, scales and clamps.
    @discardableResult
    public func apply(to gradients: UnsafeMutableBufferPointer<Float>) -> Double {
        let norm = Self.norm(UnsafeBufferPointer(gradients))
        var scale: Float = 1
        if let maxNorm, norm > maxNorm {
            scale = Float(maxNorm / (norm + Self.normEpsilon))
        }
        if let maxValue {
            let bound = Float(maxValue)
            for i in gradients.indices {
                gradients[i] = min(max(gradients[i] * scale, -bound), bound)
            }
        } else if scale != 1 {
            for i in gradients.indices {
                gradients[i] *= scale
            }
        }
        return norm
    }
}
