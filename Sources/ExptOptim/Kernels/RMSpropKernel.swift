/// RMSprop's element-wise update (see `RMSprop`): one loop per combination of weight decay,
/// centering and momentum, each with torch's order of operations.
struct RMSpropKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let meanSquare: UnsafeMutableRawPointer
    let meanGradient: UnsafeMutableRawPointer
    let momentumBuffer: UnsafeMutableRawPointer
    let alpha: Scalar
    /// 1 − α.
    let newWeight: Scalar
    let eps: Scalar
    let weightDecay: Scalar
    let centered: Bool
    /// μ; momentum is used when it is positive.
    let momentum: Scalar
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (weightDecay != 0, centered, momentum > 0) {
        case (false, false, false): loop(L.self, range, decay: false, centered: false, momentum: false)
        case (false, false, true): loop(L.self, range, decay: false, centered: false, momentum: true)
        case (false, true, false): loop(L.self, range, decay: false, centered: true, momentum: false)
        case (false, true, true): loop(L.self, range, decay: false, centered: true, momentum: true)
        case (true, false, false): loop(L.self, range, decay: true, centered: false, momentum: false)
        case (true, false, true): loop(L.self, range, decay: true, centered: false, momentum: true)
        case (true, true, false): loop(L.self, range, decay: true, centered: true, momentum: false)
        case (true, true, true): loop(L.self, range, decay: true, centered: true, momentum: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool, centered: Bool, momentum hasMomentum: Bool) {
        let alpha = L(alpha)
        let newWeightScalar = L.Scalar(newWeight)
        let newWeight = L(newWeight)
        let eps = L(eps)
        let weightDecay = L(weightDecay)
        let momentum = L(momentum)
        let negativeRate = L(negativeRate)
        let minusOne = L(-1.0)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decay { g = g + weightDecay * theta }
            // torch's mul_(α).addcmul_(g, g, value: 1 − α).
            let v = L(loadingFrom: meanSquare, at: i) * alpha + newWeight * g * g
            v.store(to: meanSquare, at: i)
            var variance = v
            if centered {
                let mean = L.lerp(L(loadingFrom: meanGradient, at: i), g, newWeightScalar)
                mean.store(to: meanGradient, at: i)
                // torch's addcmul(ḡ, ḡ, value: −1).
                variance = v + minusOne * mean * mean
            }
            let denominator = variance.squareRoot() + eps
            if hasMomentum {
                let b = L(loadingFrom: momentumBuffer, at: i) * momentum + g / denominator
                b.store(to: momentumBuffer, at: i)
                theta = theta + negativeRate * b
            } else {
                theta = theta + negativeRate * g / denominator
            }
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
