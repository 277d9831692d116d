import ExptConfig
internal import CKernels

/// `trace`: momentum (Polyak's heavy ball, or Nesterov's), in torch.optim.SGD's order of operations,
/// with torch's dampening τ:
///
///     b ← u (first step)      b ← μ b + (1 − τ) u (later)      u ← u + μ b (nesterov)  or  u ← b
public struct Trace: Transformation {
    public static let name = "trace"
    public static let summary = "Momentum: b ← μ b + u, then u ← b (or u + μ b with Nesterov)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("decay", .number(\.decay, .nonNegative), "Momentum factor μ."),
         Hyperparameter("nesterov", .flag(\.nesterov), "Nesterov momentum."),
         Hyperparameter("dampening", .number(\.dampening, .closedUnit), "Dampening τ of the update entering the momentum.")]
    }

    public var decay = 0.9
    public var nesterov = false
    public var dampening = 0.0

    public init() {}

    public init(decay: Double = 0.9, nesterov: Bool = false, dampening: Double = 0) {
        self.decay = decay
        self.nesterov = nesterov
        self.dampening = dampening
    }

    public var action: TransformationAction { .elementwise }
    /// Momentum after a rule with a denominator (RMSprop's `b ← μ b + g / d`) reads g / d itself.
    public var readsQuotient: Bool { true }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [layout.count] }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let kernel = TraceKernel(block: block, buffer: state[0], momentum: Scalar(decay), keep: Scalar(1 - dampening), nesterov: nesterov,
                                 firstStep: step.count == 1)
        if Scalar.self == Float.self {
            // The same operations in C, for the widest instruction set.
            let start = block.range.lowerBound
            expt_chain_trace(block.input.floats + start, block.inputDenominator.map { $0.floats + start }, kernel.buffer.floats + start,
                             block.numerator.floats + start, block.range.count, Float(kernel.momentum), Float(kernel.keep),
                             kernel.firstStep, nesterov)
        } else {
            kernel.runVectorized(over: block.range)
        }
    }
}

private struct TraceKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let block: StageBlock<Scalar>
    let buffer: UnsafeMutableRawPointer
    let momentum: Scalar
    /// 1 − τ (1 without dampening, which multiplies exactly).
    let keep: Scalar
    let nesterov: Bool
    let firstStep: Bool

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if let denominator = block.inputDenominator {
            loop(L.self, range) { i in L(loadingFrom: block.input, at: i) / L(loadingFrom: denominator, at: i) }
        } else {
            loop(L.self, range) { i in L(loadingFrom: block.input, at: i) }
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, input: (Int) -> L) {
        switch (firstStep, nesterov) {
        case (true, false): loop(L.self, range, firstStep: true, nesterov: false, input: input)
        case (true, true): loop(L.self, range, firstStep: true, nesterov: true, input: input)
        case (false, false): loop(L.self, range, firstStep: false, nesterov: false, input: input)
        case (false, true): loop(L.self, range, firstStep: false, nesterov: true, input: input)
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, firstStep: Bool, nesterov: Bool, input: (Int) -> L) {
        let momentum = L(momentum)
        let keep = L(keep)
        var i = range.lowerBound
        while i < range.upperBound {
            let g = input(i)
            let b = firstStep ? g : momentum * L(loadingFrom: buffer, at: i) + keep * g
            b.store(to: buffer, at: i)
            (nesterov ? g + momentum * b : b).store(to: block.numerator, at: i)
            i += L.laneCount
        }
    }
}
