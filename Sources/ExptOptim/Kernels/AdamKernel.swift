/// Adam's element-wise update (see `Adam`), with the step's scalar factors already computed:
/// one loop per combination of options, so that no loop tests an option per element.
struct AdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let maxSecondMoment: UnsafeMutableRawPointer
    /// θ's factor before the update, 1 − γλ (AdamW), or nil.
    let decoupledDecayFactor: Scalar?
    /// λ added to the gradient (Adam), or 0.
    let coupledDecay: Scalar
    let amsgrad: Bool
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    let correction2Root: Scalar
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (decoupledDecayFactor != nil, coupledDecay != 0, amsgrad) {
        case (true, _, false): loop(L.self, range, decoupled: true, coupled: false, amsgrad: false)
        case (true, _, true): loop(L.self, range, decoupled: true, coupled: false, amsgrad: true)
        case (false, true, false): loop(L.self, range, decoupled: false, coupled: true, amsgrad: false)
        case (false, true, true): loop(L.self, range, decoupled: false, coupled: true, amsgrad: true)
        case (false, false, false): loop(L.self, range, decoupled: false, coupled: false, amsgrad: false)
        case (false, false, true): loop(L.self, range, decoupled: false, coupled: false, amsgrad: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decoupled: Bool, coupled: Bool, amsgrad: Bool) {
        let decayFactor = L(decoupledDecayFactor ?? 1)
        let coupledDecay = L(coupledDecay)
        let beta2 = L(beta2)
        let secondWeight = L(secondWeight)
        let eps = L(eps)
        let correction2Root = L(correction2Root)
        let negativeStepSize = L(negativeStepSize)
        let firstWeight = L.Scalar(firstWeight)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decoupled { theta = theta * decayFactor }
            if coupled { g = g + coupledDecay * theta }
            let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
            // torch's mul_(β₂).addcmul_(g, g, value: 1 − β₂), which multiplies left to right.
            let v = beta2 * L(loadingFrom: secondMoment, at: i) + secondWeight * g * g
            m.store(to: firstMoment, at: i)
            v.store(to: secondMoment, at: i)
            var vUsed = v
            if amsgrad {
                vUsed = L.maximum(L(loadingFrom: maxSecondMoment, at: i), v)
                vUsed.store(to: maxSecondMoment, at: i)
            }
            let denominator = vUsed.squareRoot() / correction2Root + eps
            // torch's addcdiv_(m, denominator, value: −stepSize): (value · m) / denominator.
            theta = theta + negativeStepSize * m / denominator
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
