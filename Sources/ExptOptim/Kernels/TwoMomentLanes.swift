/// What the loops of the rules with a first and a second moment share for each element: the weight
/// decay, then both moments, stored back:
///
///     θ ← θ (1 − γλ)   (decoupled)        g ← g + λθ   (coupled)
///     m ← lerp(m, g, 1 − β₁)              v ← β₂ v + (1 − β₂) g²
///
/// The factors are converted to the loop's lanes once, before the loop.
struct TwoMomentLanes<L: Lanes> {
    let firstMoment: UnsafeMutableRawPointer
    let secondMoment: UnsafeMutableRawPointer
    let coupledDecay: L
    let decayFactor: L
    let firstWeight: L.Scalar
    let beta2: L
    let secondWeight: L

    @inline(__always)
    init<Scalar: BinaryFloatingPoint>(firstMoment: UnsafeMutableRawPointer, secondMoment: UnsafeMutableRawPointer,
                                      weightDecay: WeightDecayMode<Scalar>, firstWeight: Scalar, beta2: Scalar, secondWeight: Scalar) {
        self.firstMoment = firstMoment
        self.secondMoment = secondMoment
        coupledDecay = L(weightDecay.coupledDecay)
        decayFactor = L(weightDecay.decoupledFactor)
        self.firstWeight = L.Scalar(firstWeight)
        self.beta2 = L(beta2)
        self.secondWeight = L(secondWeight)
    }

    /// Applies the weight decay to `theta` or `g` and returns the new moments of element `i`,
    /// already stored.
    @inline(__always)
    func update(_ theta: inout L, _ g: inout L, at i: Int, coupled: Bool, decoupled: Bool) -> (m: L, v: L) {
        if decoupled { theta = theta * decayFactor }
        if coupled { g = g + coupledDecay * theta }
        let m = L.lerp(L(loadingFrom: firstMoment, at: i), g, firstWeight)
        // torch's mul_(β₂).addcmul_(g, g, value: 1 − β₂), which multiplies left to right.
        let v = beta2 * L(loadingFrom: secondMoment, at: i) + secondWeight * g * g
        m.store(to: firstMoment, at: i)
        v.store(to: secondMoment, at: i)
        return (m, v)
    }
}
