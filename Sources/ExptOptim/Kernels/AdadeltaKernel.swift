/// Adadelta's element-wise update (see `Adadelta`), with and without weight decay.
struct AdadeltaKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let meanSquaredGradient: UnsafeMutableRawPointer
    let meanSquaredStep: UnsafeMutableRawPointer
    let rho: Scalar
    /// 1 − ρ.
    let newWeight: Scalar
    let eps: Scalar
    let weightDecay: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if weightDecay != 0 { loop(L.self, range, decay: true) } else { loop(L.self, range, decay: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool) {
        let rho = L(rho)
        let newWeight = L(newWeight)
        let eps = L(eps)
        let weightDecay = L(weightDecay)
        let negativeRate = L(negativeRate)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decay { g = g + weightDecay * theta }
            let v = L(loadingFrom: meanSquaredGradient, at: i) * rho + newWeight * g * g
            v.store(to: meanSquaredGradient, at: i)
            // torch: delta = sqrt(u + ε); delta.div_(sqrt(v + ε)).mul_(g).
            let u = L(loadingFrom: meanSquaredStep, at: i)
            let delta = (u + eps).squareRoot() / (v + eps).squareRoot() * g
            (u * rho + newWeight * delta * delta).store(to: meanSquaredStep, at: i)
            theta = theta + negativeRate * delta
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
