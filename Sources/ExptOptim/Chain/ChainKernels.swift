internal import CKernels

/// The loops a chain runs between and after its stages, over one block of elements (every
/// pointer indexed by the element's index in the whole buffer). For `Float` each runs its C copy
/// (`expt_chain_stages.h`, built for the widest instruction set), which computes the same bits.
enum ChainKernels {
    /// u = (c · n) / d, u = c · n or u = n / d (`scaled` false: c is 1 and is not applied), written to `output`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func materialise<Scalar: BinaryFloatingPoint>(_ range: Range<Int>, from input: UnsafeRawPointer, denominator: UnsafeRawPointer?,
                                                         factor: Scalar, scaled: Bool, to output: UnsafeMutableRawPointer) {
        if Scalar.self == Float.self {
            let start = range.lowerBound
            expt_chain_materialise(input.floats + start, denominator.map { $0.floats + start }, Float(factor), scaled,
                                   output.floats + start, range.count)
            return
        }
        Materialise(input: input, denominator: denominator, factor: factor, scaled: scaled, output: output).runVectorized(over: range)
    }

    /// u ← u + λθ, written to `output`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func addWeights<Scalar: BinaryFloatingPoint>(_ range: Range<Int>, from input: UnsafeRawPointer, parameters: UnsafeRawPointer,
                                                        rate: Scalar, to output: UnsafeMutableRawPointer) {
        if Scalar.self == Float.self {
            let start = range.lowerBound
            expt_chain_add_weights(input.floats + start, parameters.floats + start, Float(rate), output.floats + start, range.count)
            return
        }
        AddWeights(input: input, parameters: parameters, rate: rate, output: output).runVectorized(over: range)
    }

    /// θ ← θ · f + (c · n) / d (θ + … without `decayFactor`, c · n without a denominator).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func step<Scalar: BinaryFloatingPoint>(_ range: Range<Int>, parameters: UnsafeMutableRawPointer, numerator: UnsafeRawPointer,
                                                  denominator: UnsafeRawPointer?, factor: Scalar, decayFactor: Scalar?) {
        if Scalar.self == Float.self {
            let start = range.lowerBound
            expt_chain_step(parameters.floats + start, numerator.floats + start, denominator.map { $0.floats + start }, Float(factor),
                            decayFactor != nil, Float(decayFactor ?? 1), range.count)
            return
        }
        Step(parameters: parameters, numerator: numerator, denominator: denominator, factor: factor, decayFactor: decayFactor)
            .runVectorized(over: range)
    }
}

private struct Materialise<Scalar: BinaryFloatingPoint>: LaneKernel {
    let input: UnsafeRawPointer
    let denominator: UnsafeRawPointer?
    let factor: Scalar
    let scaled: Bool
    let output: UnsafeMutableRawPointer

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let factor = L(factor)
        switch (scaled, denominator) {
        case (true, let d?): loop(L.self, range) { n, i in factor * n / L(loadingFrom: d, at: i) }
        case (false, let d?): loop(L.self, range) { n, i in n / L(loadingFrom: d, at: i) }
        case (true, nil): loop(L.self, range) { n, _ in factor * n }
        case (false, nil): loop(L.self, range) { n, _ in n }
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, _ value: (L, Int) -> L) {
        var i = range.lowerBound
        while i < range.upperBound {
            value(L(loadingFrom: input, at: i), i).store(to: output, at: i)
            i += L.laneCount
        }
    }
}

private struct AddWeights<Scalar: BinaryFloatingPoint>: LaneKernel {
    let input: UnsafeRawPointer
    let parameters: UnsafeRawPointer
    let rate: Scalar
    let output: UnsafeMutableRawPointer

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let rate = L(rate)
        var i = range.lowerBound
        while i < range.upperBound {
            // torch's coupled decay, g.add(θ, alpha: λ): g + λθ.
            (L(loadingFrom: input, at: i) + rate * L(loadingFrom: parameters, at: i)).store(to: output, at: i)
            i += L.laneCount
        }
    }
}

private struct Step<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let numerator: UnsafeRawPointer
    let denominator: UnsafeRawPointer?
    let factor: Scalar
    let decayFactor: Scalar?

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let factor = L(factor)
        switch (decayFactor.map { L($0) }, denominator) {
        case (let f?, let d?): loop(L.self, range) { theta, n, i in theta * f + factor * n / L(loadingFrom: d, at: i) }
        case (let f?, nil): loop(L.self, range) { theta, n, _ in theta * f + factor * n }
        case (nil, let d?): loop(L.self, range) { theta, n, i in theta + factor * n / L(loadingFrom: d, at: i) }
        case (nil, nil): loop(L.self, range) { theta, n, _ in theta + factor * n }
        }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, _ update: (L, L, Int) -> L) {
        var i = range.lowerBound
        while i < range.upperBound {
            update(L(loadingFrom: parameters, at: i), L(loadingFrom: numerator, at: i), i).store(to: parameters, at: i)
            i += L.laneCount
        }
    }
}
