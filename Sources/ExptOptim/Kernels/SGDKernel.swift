/// SGD's element-wise update (see `SGD`): one loop per combination of weight decay, momentum
/// (first step or later) and Nesterov, so that no loop tests an option per element.
struct SGDKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let gradients: UnsafeRawPointer
    let momentumBuffer: UnsafeMutableRawPointer
    let weightDecay: Scalar
    /// μ; 0 for plain SGD.
    let momentum: Scalar
    /// 1 − τ.
    let keep: Scalar
    let nesterov: Bool
    /// The momentum buffer is empty: it is set to the gradient.
    let firstStep: Bool
    let learningRate: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if weightDecay != 0 {
            withMomentumOptions(L.self, range, decay: true)
        } else {
            withMomentumOptions(L.self, range, decay: false)
        }
    }

    @inline(__always)
    private func withMomentumOptions<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool) {
        switch (momentum != 0, firstStep, nesterov) {
        case (false, _, _): loop(L.self, range, decay: decay, momentum: false, firstStep: false, nesterov: false)
        case (true, true, false): loop(L.self, range, decay: decay, momentum: true, firstStep: true, nesterov: false)
        case (true, true, true): loop(L.self, range, decay: decay, momentum: true, firstStep: true, nesterov: true)
        case (true, false, false): loop(L.self, range, decay: decay, momentum: true, firstStep: false, nesterov: false)
        case (true, false, true): loop(L.self, range, decay: decay, momentum: true, firstStep: false, nesterov: true)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decay: Bool, momentum hasMomentum: Bool,
                                firstStep: Bool, nesterov: Bool) {
        let weightDecay = L(weightDecay)
        let momentum = L(momentum)
        let keep = L(keep)
        let learningRate = L(learningRate)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: parameters, at: i)
            var g = L(loadingFrom: gradients, at: i)
            if decay { g = g + weightDecay * theta }
            if hasMomentum {
                let b = firstStep ? g : momentum * L(loadingFrom: momentumBuffer, at: i) + keep * g
                b.store(to: momentumBuffer, at: i)
                g = nesterov ? g + momentum * b : b
            }
            theta = theta - learningRate * g
            theta.store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
