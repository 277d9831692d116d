import Foundation

/// An activation with its setting (the negative slope of leaky relu): the forward and backward
/// passes over raw values in place.
///
/// Most derivatives are written in terms of the output `a = f(z)` (relu: a > 0, leaky relu:
/// 1 if a > 0 else the slope, tanh: 1 − a², sigmoid: a (1 − a)), so a layer keeps only its
/// outputs. GELU's derivative, Φ(z) + z φ(z), needs `z` itself: a layer with GELU keeps its
/// pre-activations too (`needsPreActivation`).
struct Nonlinearity {
    let activation: Activation
    let leakySlope: Float

    init(_ activation: Activation, leakySlope: Float = 0.01) {
        self.activation = activation
        self.leakySlope = leakySlope
    }

    /// Whether `backward` needs the pre-activations.
    var needsPreActivation: Bool {
        activation == .gelu
    }

    /// Replaces each `z` of `values` by `f(z)`, first copying the `z`s to `preActivation` when given;
    /// tanh and the logistic function run in expt's C kernels with the vectors of `instructionSet`.
    func forward(_ values: UnsafeMutablePointer<Float>, count: Int, preActivation: UnsafeMutablePointer<Float>? = nil,
                 instructionSet: InstructionSet) {
        if let preActivation { preActivation.update(from: values, count: count) }
        switch activation {
        case .identity: return
        case .relu: VectorLoops.relu(values, count: count)
        case .leakyRelu:
            let slope = leakySlope
            for i in 0..<count where values[i] < 0 { values[i] *= slope }
        case .gelu: for i in 0..<count { values[i] = Self.gelu(values[i]) }
        case .tanh: VectorFunction.tanh.apply(values, count: count, instructionSet: instructionSet)
        case .sigmoid: VectorFunction.sigmoid.apply(values, count: count, instructionSet: instructionSet)
        }
    }

    /// Turns `gradient`, the loss gradient with respect to the outputs `output`, into the
    /// gradient with respect to the pre-activations, in place (multiplying by f′).
    func backward(gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, preActivation: UnsafePointer<Float>?, count: Int) {
        switch activation {
        case .identity:
            return
        case .relu:
            VectorLoops.reluMask(gradient, output: output, count: count)
        case .leakyRelu:
            let slope = leakySlope
            for i in 0..<count where output[i] <= 0 { gradient[i] *= slope }
        case .gelu:
            guard let z = preActivation else { preconditionFailure("gelu's backward needs the pre-activations") }
            for i in 0..<count { gradient[i] *= Self.geluDerivative(z[i]) }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= output[i] * (1 - output[i]) }
        }
    }

    /// z Φ(z), with Φ the standard normal CDF through erf (computed in Double).
    static func gelu(_ z: Float) -> Float {
        let x = Double(z)
        return Float(0.5 * x * (1 + erf(x * 0.5.squareRoot())))
    }

    /// Φ(z) + z φ(z).
    static func geluDerivative(_ z: Float) -> Float {
        let x = Double(z)
        let cdf = 0.5 * (1 + erf(x * 0.5.squareRoot()))
        let density = exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        return Float(cdf + x * density)
    }
}
