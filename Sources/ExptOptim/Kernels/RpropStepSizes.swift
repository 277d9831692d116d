import ExptConfig

/// Rprop's per-element step sizes, shared by the built-in `rprop` and `scale_by_rprop`: where
/// they and the previous gradient are stored, and their factors and bounds. Per element, with the
/// previous (possibly zeroed) gradient p:
///
///     s ← clamp(s · η₊ | s · η₋ | s, s_min, s_max)   as g p > 0 | g p < 0 | g p = 0
///     g ← 0 where g p < 0;   p ← g;   step = sign(g) · s
struct RpropStepSizes<Scalar: BinaryFloatingPoint> {
    let previous: UnsafeMutableRawPointer
    let stepSizes: UnsafeMutableRawPointer
    let etaminus: Scalar
    let etaplus: Scalar
    let stepSizeMin: Scalar
    let stepSizeMax: Scalar

    init(previous: UnsafeMutableRawPointer, stepSizes: UnsafeMutableRawPointer, etaminus: Double, etaplus: Double,
         stepSizeMin: Double, stepSizeMax: Double) {
        self.previous = previous
        self.stepSizes = stepSizes
        self.etaminus = Scalar(etaminus)
        self.etaplus = Scalar(etaplus)
        self.stepSizeMin = Scalar(stepSizeMin)
        self.stepSizeMax = Scalar(stepSizeMax)
    }

    /// torch's rule `0 < etaminus < 1 < etaplus` (the settings' table checks etaminus), and step
    /// sizes whose range is not empty.
    static func conflict(etaplus: Double, stepSizeMin: Double, stepSizeMax: Double) -> HyperparameterConflict? {
        if etaplus <= 1 {
            return HyperparameterConflict(key: "etaplus", involving: [], message: "etaplus must be greater than 1")
        }
        if stepSizeMin > stepSizeMax {
            return HyperparameterConflict(key: "step_size_min", involving: ["step_size_max"],
                                          message: "step_size_min must not exceed step_size_max")
        }
        return nil
    }
}

/// `RpropStepSizes` in a loop over lanes `L`: the factors converted to the lanes once, before the loop.
struct RpropStepSizeLanes<L: Lanes> {
    let previous: UnsafeMutableRawPointer
    let stepSizes: UnsafeMutableRawPointer
    let etaminus: L
    let etaplus: L
    let stepSizeMin: L
    /// −s_max.
    let negativeMax: L

    @inline(__always)
    init<Scalar: BinaryFloatingPoint>(_ sizes: RpropStepSizes<Scalar>) {
        previous = sizes.previous
        stepSizes = sizes.stepSizes
        etaminus = L(sizes.etaminus)
        etaplus = L(sizes.etaplus)
        stepSizeMin = L(sizes.stepSizeMin)
        negativeMax = L(-sizes.stepSizeMax)
    }

    /// sign(g) · s for gradient `g` of element `i`, the new step size and gradient already stored.
    /// The factor η₊, η₋ or 1 is chosen without branches, by sums of products that are exact.
    @inline(__always)
    func step(_ g: L, at i: Int) -> L {
        let zero = L(0), one = L(1)
        // 1, −1 or 0: the gradient kept its sign, changed it, or one of the two is 0.
        let agreement = (g * L(loadingFrom: previous, at: i)).signum()
        let kept = L.maximum(agreement, zero)
        let flipped = L.maximum(zero - agreement, zero)
        let factor = etaplus * kept + etaminus * flipped + (one - kept - flipped)
        // clamp(s · factor, min, max), with min(a, b) = −max(−a, −b).
        let s = zero - L.maximum(zero - L.maximum(L(loadingFrom: stepSizes, at: i) * factor, stepSizeMin), negativeMax)
        s.store(to: stepSizes, at: i)
        let gradient = g * (one - flipped)
        gradient.store(to: previous, at: i)
        return gradient.signum() * s
    }
}
