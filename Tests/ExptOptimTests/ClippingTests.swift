import ExptOptim
import Testing
import ExptTestSupport

/// Clipping by global norm and by value, on gradients small enough to check by hand.
struct ClippingTests {
    func clipped(_ gradient: [Float], _ clipping: GradientClipping) -> (norm: Double, gradient: [Float]) {
        var g = gradient
        let norm = g.withUnsafeMutableBufferPointer { clipping.apply(to: $0) }
        return (norm, g)
    }

    /// g = [3, −4, 0, 12]: ‖g‖ = √(9 + 16 + 144) = 13.
    static let gradient: [Float] = [3, -4, 0, 12]

    @Test func normIsTheGlobalL2Norm() {
        #expect(Self.gradient.withUnsafeBufferPointer { GradientClipping.norm($0) } == 13)
        #expect([Float]().withUnsafeBufferPointer { GradientClipping.norm($0) } == 0)
    }

    /// Max norm 6.5: scale 6.5 / (13 + 1e-6) ≈ 0.5 · (1 − 7.7e-8), so g ≈ [1.5, −2, 0, 6] and
    /// the returned norm is the one before clipping.
    @Test func byNorm() {
        let (norm, g) = clipped(Self.gradient, GradientClipping(maxNorm: 6.5))
        #expect(norm == 13)
        let scale = Float(6.5 / (13 + 1e-6))
        #expect(g == [3 * scale, -4 * scale, 0, 12 * scale])
        expectClose(g, [1.5, -2, 0, 6], tolerance: 1e-6)
        #expect(g.withUnsafeBufferPointer { GradientClipping.norm($0) } < 6.5)
    }

    /// A norm at or under the bound leaves the gradient exactly as it was.
    @Test func byNormUnderTheBound() {
        let (norm, g) = clipped(Self.gradient, GradientClipping(maxNorm: 13))
        #expect(norm == 13)
        #expect(g == Self.gradient)
    }

    /// Max value 3.5: each element clamped to [−3.5, 3.5].
    @Test func byValue() {
        let (norm, g) = clipped(Self.gradient, GradientClipping(maxValue: 3.5))
        #expect(norm == 13)
        #expect(g == [3, -3.5, 0, 3.5])
    }

    /// Both: first scaled to norm ≈ 6.5 ([1.5, −2, 0, 6]), then clamped to [−1.8, 1.8].
    @Test func byNormThenValue() {
        let (norm, g) = clipped(Self.gradient, GradientClipping(maxNorm: 6.5, maxValue: 1.8))
        #expect(norm == 13)
        let scale = Float(6.5 / (13 + 1e-6))
        #expect(g == [3 * scale, -1.8, 0, 1.8])
    }
}
