/// Lion's element-wise update (see `Lion`), with its decoupled weight decay fused into the
/// loop, or without it.
struct LionKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let momentum: UnsafeMutableRawPointer
    /// θ's factor 1 − γλ before the update, or nil.
    let decayFactor: Scalar?
    let beta1: Scalar
    /// 1 − β₁.
    let interpolationWeight: Scalar
    let beta2: Scalar
    /// 1 − β₂.
    let decayWeight: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if decayFactor != nil { loop(L.self, range, decay: true) } else { loop(L.self, range, decay: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool) {
        let decayFactor = L(decayFactor ?? 1)
        let beta1 = L(beta1)
        let interpolationWeight = L(interpolationWeight)
        let beta2 = L(beta2)
        let decayWeight = L(decayWeight)
        let negativeRate = L(negativeRate)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            let g = L(loadingFrom: gradients, at: i)
            if decay { theta = theta * decayFactor }
            let m = L(loadingFrom: momentum, at: i)
            let c = m * beta1 + interpolationWeight * g
            theta = theta + negativeRate * c.signum()
            theta.store(to: parameters, at: i)
            (m * beta2 + decayWeight * g).store(to: momentum, at: i)
            i += L.laneCount
        }
    }
}
