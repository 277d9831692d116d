/// Adam's element-wise update (see `Adam`), with the step's scalar factors already computed:
/// one loop per weight decay mode and AMSGrad setting, so that no loop tests an option per element.
struct AdamKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let maxSecondMoment: UnsafeMutableRawPointer
    let weightDecay: WeightDecayMode<Scalar>
    let amsgrad: Bool
    let firstWeight: Scalar
    let beta2: Scalar
    let secondWeight: Scalar
    let eps: Scalar
    let correction2Root: Scalar
    let negativeStepSize: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        switch (weightDecay, amsgrad) {
        case (.none, false): loop(L.self, range, coupled: false, decoupled: false, amsgrad: false)
        case (.none, true): loop(L.self, range, coupled: false, decoupled: false, amsgrad: true)
        case (.coupled, false): loop(L.self, range, coupled: true, decoupled: false, amsgrad: false)
        case (.coupled, true): loop(L.self, range, coupled: true, decoupled: false, amsgrad: true)
        case (.decoupled, false): loop(L.self, range, coupled: false, decoupled: true, amsgrad: false)
        case (.decoupled, true): loop(L.self, range, coupled: false, decoupled: true, amsgrad: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, coupled: Bool, decoupled: Bool, amsgrad: Bool) {
        let coupledDecay = L(weightDecay.coupledDecay)
        let decayFactor = L(weightDecay.decoupledFactor)
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
