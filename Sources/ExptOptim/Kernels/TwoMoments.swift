/// The first and second moments of the rules that keep both: where they are stored and the
/// factors of their update, the same in each:
///
///     m ← lerp(m, g, 1 − β₁)              v ← β₂ v + (1 − β₂) g²
struct TwoMoments<Scalar: BinaryFloatingPoint> {
    let first: UnsafeMutableRawPointer
    let second: UnsafeMutableRawPointer
    /// 1 − β₁, lerp's weight.
    let firstWeight: Scalar
    let beta2: Scalar
    /// 1 − β₂.
    let secondWeight: Scalar

    /// The moments at `first` and `second`, decaying at β₁ and β₂ (the factors rounded to `Scalar` once).
    init(first: UnsafeMutableRawPointer, second: UnsafeMutableRawPointer, beta1: Double, beta2: Double) {
        self.first = first
        self.second = second
        firstWeight = Scalar(1 - beta1)
        self.beta2 = Scalar(beta2)
        secondWeight = Scalar(1 - beta2)
    }
}

/// `TwoMoments` in a loop over lanes `L`: the factors converted to the lanes once, before the loop.
struct TwoMomentLanes<L: Lanes> {
    let first: UnsafeMutableRawPointer
    let second: UnsafeMutableRawPointer
    let firstWeight: L.Scalar
    let beta2: L
    let secondWeight: L

    @inline(__always)
    init<Scalar: BinaryFloatingPoint>(_ moments: TwoMoments<Scalar>) {
        first = moments.first
        second = moments.second
        firstWeight = L.Scalar(moments.firstWeight)
        beta2 = L(moments.beta2)
        secondWeight = L(moments.secondWeight)
    }

    /// The new moments of element `i` for gradient `g`, already stored.
    @inline(__always)
    func update(_ g: L, at i: Int) -> (m: L, v: L) {
        let m = L.lerp(L(loadingFrom: first, at: i), g, firstWeight)
        // torch's mul_(β₂).addcmul_(g, g, value: 1 − β₂), which multiplies left to right.
        let v = beta2 * L(loadingFrom: second, at: i) + secondWeight * g * g
        m.store(to: first, at: i)
        v.store(to: second, at: i)
        return (m, v)
    }
}
