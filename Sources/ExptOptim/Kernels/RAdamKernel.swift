/// RAdam's element-wise update (see `RAdam`): one loop per weight decay mode, rectified or not.
struct RAdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let weightDecay: WeightDecayMode<Scalar>
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    /// 1 − β₁ᵗ.
    let correction1: Scalar
    /// √(1 − β₂ᵗ).
    let correction2Root: Scalar
    /// ρₜ > 5: the adaptive step, scaled by `rectification`; else plain momentum.
    let rectified: Bool
    let rectification: Scalar
    let rate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (weightDecay, rectified) {
        case (.none, false): loop(L.self, range, coupled: false, decoupled: false, rectified: false)
        case (.none, true): loop(L.self, range, coupled: false, decoupled: false, rectified: true)
        case (.coupled, false): loop(L.self, range, coupled: true, decoupled: false, rectified: false)
        case (.coupled, true): loop(L.self, range, coupled: true, decoupled: false, rectified: true)
        case (.decoupled, false): loop(L.self, range, coupled: false, decoupled: true, rectified: false)
        case (.decoupled, true): loop(L.self, range, coupled: false, decoupled: true, rectified: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, coupled: Bool, decoupled: Bool, rectified: Bool) {
        let coupledDecay = L(weightDecay.coupledDecay)
        let decayFactor = L(weightDecay.decoupledFactor)
        let firstWeight = L.Scalar(firstWeight)
        let beta2 = L(beta2)
        let secondWeight = L(secondWeight)
        let eps = L(eps)
        let correction1 = L(correction1)
        let correction2Root = L(correction2Root)
        let rectification = L(rectification)
        let rate = L(rate)
        let one = L(1.0)
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
            let scaledMoment = m / correction1 * rate
            if rectified {
                // torch: √(1 − β₂ᵗ) / (√v + ε) is computed as (1 / (√v + ε)) · √(1 − β₂ᵗ).
                let adaptiveRate = one / (v.squareRoot() + eps) * correction2Root
                theta = theta - scaledMoment * adaptiveRate * rectification
            } else {
                theta = theta - scaledMoment
            }
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
