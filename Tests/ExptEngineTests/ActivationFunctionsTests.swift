import Foundation
import Testing
@testable import ExptEngine

struct ActivationFunctionsTests {
    /// The backward pass of each activation against central differences of L = Σ r ⊙ f(x + b).
    /// Inputs stay at least 0.1 away from 0, where relu has its kink.
    @Test(arguments: Activation.allCases)
    func backwardMatchesFiniteDifferences(_ activation: Activation) {
        let (rows, columns) = (3, 4)
        var magnitudes = uniformValues(rows * columns, seed: 10, in: 0.1, 1.5)
        let flips = uniformValues(rows * columns, seed: 11)
        for i in magnitudes.indices where flips[i] < 0 { magnitudes[i] = -magnitudes[i] }
        let x = FloatBuffer(magnitudes)
        let bias = [Float](repeating: 0, count: columns)
        let r = uniformValues(rows * columns, seed: 12)

        func objective() -> (value: Double, output: [Float]) {
            var output = x.array
            activation.forward(&output, rows: rows, columns: columns, bias: bias)
            return (zip(r, output).reduce(0) { $0 + Double($1.0) * Double($1.1) }, output)
        }
        var gradient = r
        activation.backward(gradient: &gradient, output: objective().output, count: x.count)
        for i in 0..<x.count {
            let numeric = centralDifference(of: x.pointer, at: i, step: 1e-3) { objective().value }
            expectGradient(gradient[i], numeric, "\(activation) at x = \(x[i])")
        }
    }

    struct ForwardCase: Sendable {
        let activation: Activation
        let input: Float
        let expected: Float
    }

    /// Values by hand; the bias (0.5) is added before the activation.
    @Test(arguments: [
        ForwardCase(activation: .identity, input: -2, expected: -1.5),
        ForwardCase(activation: .relu, input: -2, expected: 0),
        ForwardCase(activation: .relu, input: 1, expected: 1.5),
        ForwardCase(activation: .tanh, input: -0.5, expected: 0),
        ForwardCase(activation: .sigmoid, input: -0.5, expected: 0.5),
        // 1 / (1 + e^(-2.5)) = 0.924141819...
        ForwardCase(activation: .sigmoid, input: 2, expected: 0.9241418),
        // tanh(1.5) = 0.905148254...
        ForwardCase(activation: .tanh, input: 1, expected: 0.9051483),
    ])
    func forwardAddsBiasThenActivates(_ c: ForwardCase) {
        var value = [c.input]
        c.activation.forward(&value, rows: 1, columns: 1, bias: [0.5])
        #expect(abs(value[0] - c.expected) <= 1e-6)
    }

    @Test func sigmoidIsFiniteForLargeInputs() {
        #expect(Activation.sigmoid(-1000) == 0)
        #expect(Activation.sigmoid(1000) == 1)
        #expect(Activation.sigmoid(-100) > 0)
    }
}
