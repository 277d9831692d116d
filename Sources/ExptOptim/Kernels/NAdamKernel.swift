/// NAdam's element-wise update (see `NAdam`): one loop per weight decay mode.
struct NAdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let weightDecay: WeightDecayMode<Scalar>
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    /// 1 − β₂ᵗ.
    let correction2: Scalar
    /// −γ (1 − μₜ) / (1 − Πₜ).
    let gradientFactor: Scalar
    /// −γ μₜ₊₁ / (1 − Πₜ μₜ₊₁).
    let momentFactor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch weightDecay {
        case .none: loop(L.self, range, coupled: false, decoupled: false)
        case .coupled: loop(L.self, range, coupled: true, decoupled: false)
        case .decoupled: loop(L.self, range, coupled: false, decoupled: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, coupled: Bool, decoupled: Bool) {
        let coupledDecay = L(weightDecay.coupledDecay)
        let decayFactor = L(weightDecay.decoupledFactor)
        let firstWeight = L.Scalar(firstWeight)
        let beta2 = L(beta2)
        let secondWeight = L(secondWeight)
        let eps = L(eps)
        let correction2 = L(correction2)
        let gradientFactor = L(gradientFactor)
        let momentFactor = L(momentFactor)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decoupled { theta = theta * decayFactor }
            if coupled { g = g + coupledDecay * theta }
            let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
            let v = L(loadingFrom: secondMoment, at: i) * beta2 + secondWeight * g * g
            m.store(to: firstMoment, at: i)
            v.store(to: secondMoment, at: i)
            let denominator = (v / correction2).squareRoot() + eps
            // Two addcdiv_ calls, as torch: the gradient's share, then the moment's.
            theta = theta + gradientFactor * g / denominator
            theta = theta + momentFactor * m / denominator
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
