import Testing
import ExptOptim

/// Applies `optimizer` once to `parameters` with `gradient`.
func step(_ optimizer: any Optimizer, _ parameters: inout [Float], _ gradient: [Float], learningRate: Float) {
    parameters.withUnsafeMutableBufferPointer { p in
        gradient.withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g, learningRate: Double(learningRate)) }
    }
}

