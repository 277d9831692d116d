/// Adamax's element-wise update (see `Adamax`), with and without weight decay.
struct AdamaxKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let infinityNorm: UnsafeMutableRawPointer
    let weightDecay: Scalar
    let firstWeight: Scalar
    let beta2: Scalar
    let eps: Scalar
    /// −γ / (1 − β₁ᵗ).
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if weightDecay != 0 { loop(L.self, range, decay: true) } else { loop(L.self, range, decay: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool) {
        let weightDecay = L(weightDecay)
        let firstWeight = L.Scalar(firstWeight)
        let beta2 = L(beta2)
        let eps = L(eps)
        let negativeStepSize = L(negativeStepSize)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decay { g = g + weightDecay * theta }
            let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
            let u = L.maximum(L(loadingFrom: infinityNorm, at: i) * beta2, g.absoluteValue() + eps)
            m.store(to: firstMoment, at: i)
            u.store(to: infinityNorm, at: i)
            theta = theta + negativeStepSize * m / u
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
