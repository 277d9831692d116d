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
        let function: @Sendable (VectorMath.Vector) -> VectorMath.Vector
        let reference: @Sendable (Double) -> Double
        var testDescription: String { "\(name) on \(range)" }
    }

    static let cases = [
        Case(name: "exp", range: -87 ... 88, maxUlps: 1, function: VectorMath.exp, reference: Foundation.exp),
        Case(name: "tanh", range: -12 ... 12, maxUlps: 1, function: VectorMath.tanh, reference: Foundation.tanh),
        Case(name: "tanh near 0", range: -1e-3 ... 1e-3, maxUlps: 1, function: VectorMath.tanh, reference: Foundation.tanh),
        Case(name: "sigmoid", range: -80 ... 30, maxUlps: 2, function: VectorMath.sigmoid,
             reference: { 1 / (1 + Foundation.exp(-$0)) }),
    ]

    @Test(arguments: cases)
    func agreesWithDoublePrecision(_ c: Case) {
        let count = 100_003  // not a multiple of 16: the padded tail is checked too
        var values = (0..<count).map { Float(c.range.lowerBound + (c.range.upperBound - c.range.lowerBound) * Double($0) / Double(count - 1)) }
        let inputs = values
        values.withUnsafeMutableBufferPointer { VectorMath.apply($0.baseAddress!, count: count, c.function) }
        var worst: Float = 0
        for (x, y) in zip(inputs, values) {
            let expected = Float(c.reference(Double(x)))
            let ulps = expected == y ? 0 : abs(y - expected) / expected.ulp
            worst = max(worst, ulps)
        }
        #expect(worst <= c.maxUlps, "worst error \(worst) ulps")
        // Exact values: tanh and the logistic function at 0, and the sign of tanh.
        #expect(VectorMath.scalar(0, VectorMath.tanh) == 0)
        #expect(VectorMath.scalar(0, VectorMath.sigmoid) == 0.5)
        #expect(VectorMath.scalar(-3, VectorMath.tanh) == -VectorMath.scalar(3, VectorMath.tanh))
        #expect(VectorMath.scalar(0, VectorMath.exp) == 1)
        // NaN goes through, so that a diverging run still shows a NaN loss.
        #expect(VectorMath.scalar(.nan, c.function).isNaN)
    }
}
