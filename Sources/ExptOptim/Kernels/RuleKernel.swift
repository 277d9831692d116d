/// The loop every built-in rule's kernel runs over the flat buffers, written once: for each
/// group of `L.laneCount` elements it loads θ and g, applies the weight decay,
///
///     θ ← θ (1 − γλ)   (decoupled)        g ← g + λθ   (coupled)
///
/// hands both to the rule's own update of that group (which changes θ and its state), and
/// stores θ. The decay mode is fixed per loop, so no loop tests it per element; a rule's own
/// options are fixed the same way by the rule (`run` calls `forEachLane` once per combination).
protocol RuleKernel: LaneKernel {
    var step: RuleStep<Scalar> { get }
}

extension RuleKernel {
    /// Runs `update(&θ, g, i)` for each group `i` of `range`, θ and g after the weight decay.
    @inline(__always)
    func forEachLane<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, _ update: (_ theta: inout L, _ g: L, _ i: Int) -> Void) {
        switch step.weightDecay {
        case .none: loop(L.self, range, coupled: false, decoupled: false, update)
        case .coupled: loop(L.self, range, coupled: true, decoupled: false, update)
        case .decoupled: loop(L.self, range, coupled: false, decoupled: true, update)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, coupled: Bool, decoupled: Bool,
                                _ update: (_ theta: inout L, _ g: L, _ i: Int) -> Void) {
        let coupledDecay = L(step.weightDecay.coupledDecay)
        let decayFactor = L(step.weightDecay.decoupledFactor)
        var i = range.lowerBound
        while i < range.upperBound {
            var theta = L(loadingFrom: step.parameters, at: i)
            var g = L(loadingFrom: step.gradients, at: i)
            if decoupled { theta = theta * decayFactor }
            if coupled { g = g + coupledDecay * theta }
            update(&theta, g, i)
            theta.store(to: step.parameters, at: i)
            i += L.laneCount
        }
    }
}
