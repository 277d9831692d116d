import Foundation
import Testing
@testable import ExptEngine

/// The vectorised exp, tanh and logistic function against Foundation's Double-precision
/// functions rounded to Float, over a dense grid and the edges of each method's range.
struct VectorMathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let range: ClosedRange<Double>
        let maxUlps: Float
        let function: VectorFunction
        let reference: @Sendable (Double) -> Double
        var testDescription: String { "\(name) on \(range)" }
    }

    static let cases = [
        Case(name: "exp", range: -87 ... 88, maxUlps: 1, function: .exp, reference: Foundation.exp),
        Case(name: "tanh", range: -12 ... 12, maxUlps: 1, function: .tanh, reference: Foundation.tanh),
        Case(name: "tanh near 0", range: -1e-3 ... 1e-3, maxUlps: 1, function: .tanh, reference: Foundation.tanh),
        Case(name: "sigmoid", range: -80 ... 30, maxUlps: 2, function: .sigmoid,
             reference: { 1 / (1 + Foundation.exp(-$0)) }),
    ]

    @Test(arguments: cases)
    func agreesWithDoublePrecision(_ c: Case) {
        let count = 100_003  // not a multiple of 16: the padded tail is checked too
        var values = (0..<count).map { Float(c.range.lowerBound + (c.range.upperBound - c.range.lowerBound) * Double($0) / Double(count - 1)) }
        let inputs = values
        values.withUnsafeMutableBufferPointer { c.function.apply($0.baseAddress!, count: count, instructionSet: .widest) }
        var worst: Float = 0
        for (x, y) in zip(inputs, values) {
            let expected = Float(c.reference(Double(x)))
            let ulps = expected == y ? 0 : abs(y - expected) / expected.ulp
            worst = max(worst, ulps)
        }
        #expect(worst <= c.maxUlps, "worst error \(worst) ulps")
        // Exact values: tanh and the logistic function at 0, and the sign of tanh.
        #expect(VectorFunction.tanh(0) == 0)
        #expect(VectorFunction.sigmoid(0) == 0.5)
        #expect(VectorFunction.tanh(-3) == -VectorFunction.tanh(3))
        #expect(VectorFunction.exp(0) == 1)
        // NaN goes through, so that a diverging run still shows a NaN loss.
        #expect(c.function(.nan).isNaN)
    }
}
