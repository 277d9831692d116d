/// Adagrad's element-wise update (see `Adagrad`), with and without weight decay.
struct AdagradKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let sumOfSquares: UnsafeMutableRawPointer
    let weightDecay: Scalar
    let eps: Scalar
    /// −γ / (1 + (t − 1) η).
    let negativeRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if weightDecay != 0 { loop(L.self, range, decay: true) } else { loop(L.self, range, decay: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool) {
        let weightDecay = L(weightDecay)
        let eps = L(eps)
        let negativeRate = L(negativeRate)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decay { g = g + weightDecay * theta }
            let s = L(loadingFrom: sumOfSquares, at: i) + g * g
            s.store(to: sumOfSquares, at: i)
            theta = theta + negativeRate * g / (s.squareRoot() + eps)
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
