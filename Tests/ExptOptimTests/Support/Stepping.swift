import Testing
import ExptOptim

/// Applies `optimizer` once to `parameters` with `gradient`.
func step(_ optimizer: any Optimizer, _ parameters: inout [Float], _ gradient: [Float], learningRate: Float) {
    parameters.withUnsafeMutableBufferPointer { p in
        gradient.withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g, learningRate: Double(learningRate)) }
    }
}

/// Expects `actual` to equal `expected` within `tolerance` element by element.
func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-6,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(actual) against \(expected)", sourceLocation: sourceLocation)
    }
}

