import Foundation
import Testing
@testable import ExptEngine
import ExptTestSupport

struct ActivationFunctionsTests {
    /// The backward pass of each activation against central differences of L = Σ r ⊙ f(x).
    /// Inputs stay at least 0.1 away from 0, where relu and leaky relu have their kink.
    /// Leaky relu uses slope 0.2, so a wrong slope in either pass shows.
    @Test(arguments: Activation.allCases)
    func backwardMatchesFiniteDifferences(_ activation: Activation) {
        let count = 12
        var magnitudes = uniformValues(count, seed: 10, in: 0.1, 1.5)
        let flips = uniformValues(count, seed: 11)
        for i in magnitudes.indices where flips[i] < 0 { magnitudes[i] = -magnitudes[i] }
        let x = FloatBuffer(magnitudes)
        let r = uniformValues(count, seed: 12)
        let function = Nonlinearity(activation, leakySlope: 0.2)
        let output = FloatBuffer(count: count), preActivation = FloatBuffer(count: count)

        func objective() -> Double {
            output.pointer.update(from: x.pointer, count: count)
            function.forward(output.pointer, count: count, preActivation: preActivation.pointer, instructionSet: .widest)
            return zip(r, output.array).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        _ = objective()
        var gradient = r
        function.backward(gradient: &gradient, output: output.pointer, preActivation: preActivation.pointer, count: count)
        for i in 0..<count {
            let numeric = centralDifference(of: x.pointer, at: i, step: 1e-3, objective)
            expectGradient(gradient[i], numeric, "\(activation) at x = \(x[i])")
        }
    }

    struct ForwardCase: Sendable {
        let activation: Activation
        let input: Float
        let expected: Float
    }

    /// Values by hand.
    @Test(arguments: [
        ForwardCase(activation: .identity, input: -1.5, expected: -1.5),
        ForwardCase(activation: .relu, input: -1.5, expected: 0),
        ForwardCase(activation: .relu, input: 1.5, expected: 1.5),
        // 0.01 · (−1.5)
        ForwardCase(activation: .leakyRelu, input: -1.5, expected: -0.015),
        ForwardCase(activation: .leakyRelu, input: 1.5, expected: 1.5),
        // 1.5 Φ(1.5) = 1.5 · 0.933192799 = 1.399789198; −1.5 Φ(−1.5) = −0.100210802 (erf form, not tanh).
        ForwardCase(activation: .gelu, input: 1.5, expected: 1.3997892),
        ForwardCase(activation: .gelu, input: -1.5, expected: -0.1002108),
        ForwardCase(activation: .tanh, input: 0, expected: 0),
        ForwardCase(activation: .sigmoid, input: 0, expected: 0.5),
        // 1 / (1 + e^(-2.5)) = 0.924141819...
        ForwardCase(activation: .sigmoid, input: 2.5, expected: 0.9241418),
        // tanh(1.5) = 0.905148254...
        ForwardCase(activation: .tanh, input: 1.5, expected: 0.9051483),
    ])
    func forwardValues(_ c: ForwardCase) {
        var value = [c.input]
        Nonlinearity(c.activation).forward(&value, count: 1, instructionSet: .widest)
        #expect(abs(value[0] - c.expected) <= 1e-6)
    }

    /// GELU's derivative at 0 is Φ(0) = 1/2, and leaky relu's below 0 is its slope.
    @Test func derivativesAtKnownPoints() {
        #expect(Nonlinearity.geluDerivative(0) == 0.5)
        var gradient: [Float] = [1, 1]
        let output: [Float] = [-0.3, 2]
        Nonlinearity(.leakyRelu, leakySlope: 0.1).backward(gradient: &gradient, output: output, preActivation: nil, count: 2)
        #expect(gradient == [0.1, 1])
    }

    /// exp's argument is clamped to [−87.3, 88.3], so far from 0 the logistic function is 1, or
    /// below e^−88.3 ≈ 4.7e-39 (the exact value underflows), never NaN or infinite.
    @Test func sigmoidIsFiniteForLargeInputs() {
        var values: [Float] = [-1000, 1000, -100, .infinity, -.infinity]
        Nonlinearity(.sigmoid).forward(&values, count: values.count, instructionSet: .widest)
        #expect(values[0] >= 0 && values[0] < 5e-39)
        #expect(values[1] == 1)
        #expect(values[2] >= 0 && values[2] < 5e-39)
        #expect(values[3] == 1)
        #expect(values[4] >= 0 && values[4] < 5e-39)
    }
}
