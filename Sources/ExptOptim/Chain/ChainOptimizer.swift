import ExptConfig

/// The optimizer a chain makes: its transformations' states and the lowered program
/// (``ChainProgram``), run over blocks of `blockSize` elements.
final class ChainOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    /// Elements per block: the block's scratch (numerator and denominator), parameters, gradients
    /// and state stay within the first- or second-level cache, and the work per block dwarfs its
    /// fixed cost.
    static var blockSize: Int { 1024 }

    private let transformations: [any Transformation]
    private let program: ChainProgram
    private let layout: ParameterLayout
    private let states: [OptimizerState<Scalar>]
    private let numerator: UnsafeMutableBufferPointer<Scalar>
    private let denominator: UnsafeMutableBufferPointer<Scalar>
    /// The materialised update between passes (empty when the chain is one pass).
    private let update: UnsafeMutableBufferPointer<Scalar>
    /// Steps taken so far.
    private(set) var stepCount = 0
    /// Each transformation's factor (`.scale`) and output (`.elementwise`) of the current step,
    /// overwritten in place every step (a step allocates nothing).
    private var scales: [PendingScale]
    private var outputs: [StageOutput]

    init(_ transformations: [any Transformation], layout: ParameterLayout) {
        self.transformations = transformations
        program = ChainProgram(transformations)
        self.layout = layout
        states = transformations.map { OptimizerState(lengths: $0.stateLengths(layout: layout), initialValue: Scalar($0.initialState)) }
        let block = min(Self.blockSize, max(layout.count, 1))
        numerator = .allocate(capacity: block)
        denominator = .allocate(capacity: block)
        update = .allocate(capacity: program.hasWholeStages ? layout.count : 0)
        scales = Array(repeating: PendingScale(), count: transformations.count)
        outputs = Array(repeating: StageOutput(), count: transformations.count)
    }

    deinit {
        numerator.deallocate()
        denominator.deallocate()
        update.deallocate()
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        precondition(parameters.count == layout.count && gradients.count == layout.count, "parameters and gradients differ in size")
        stepCount += 1
        for state in states { state.stepCount = stepCount }
        let step = StepScalars(count: stepCount, learningRate: Double(Scalar(learningRate)))
        for (index, transformation) in transformations.enumerated() {
            switch transformation.action {
            case .scale: scales[index] = transformation.scale(step: step)
            case .elementwise: outputs[index] = transformation.output(step: step)
            case .learningRate, .decoupledDecay, .whole: break
            }
        }
        let stepScale = PendingScale(negated: true, multiplier: step.learningRate)
        var decayFactor = 1.0
        for decay in program.foldedDecays {
            let after = decay.scalingsAfter.reduce(PendingScale()) { $0.then(scales[$1]) }.then(stepScale)
            decayFactor += after.value * decay.rate
        }
        var source = UnsafeRawPointer(gradients.rawStart)
        for pass in program.passes {
            var start = 0
            while start < layout.count {
                let range = start..<min(start + Self.blockSize, layout.count)
                run(pass, over: range, source: source, parameters: parameters, scales: scales, outputs: outputs, stepScale: stepScale,
                    decayFactor: decayFactor, step: step)
                start = range.upperBound
            }
            if let whole = pass.then {
                transformations[whole].applyWhole(update, parameters: UnsafeBufferPointer(parameters), layout: layout,
                                                  state: states[whole], step: step)
                source = UnsafeRawPointer(update.rawStart)
            }
        }
    }

    /// One pass over the elements of `range`: every operation of `pass` in order, then the step
    /// (last pass) or the materialised update written to `update`.
    private func run(_ pass: ChainProgram.Pass, over range: Range<Int>, source: UnsafeRawPointer, parameters: UnsafeMutableBufferPointer<Scalar>,
                     scales: [PendingScale], outputs: [StageOutput], stepScale: PendingScale, decayFactor: Double, step: StepScalars) {
        // Scratch indexed by the element's index in the whole buffer.
        let offset = -range.lowerBound * MemoryLayout<Scalar>.stride
        let numerator = numerator.rawStart.advanced(by: offset)
        let denominator = denominator.rawStart.advanced(by: offset)
        let theta = UnsafeRawPointer(parameters.rawStart)
        var current = source
        var pending = PendingScale()
        var hasDenominator = false
        func materialise() {
            guard !pending.isOne || hasDenominator else { return }
            ChainKernels.materialise(range, from: current, denominator: hasDenominator ? denominator : nil,
                                     factor: Scalar(pending.value), scaled: !pending.isOne, to: numerator)
            current = UnsafeRawPointer(numerator)
            pending = PendingScale()
            hasDenominator = false
        }
        for operation in pass.operations {
            switch operation {
            case .scale(let index): pending = pending.then(scales[index])
            case .learningRate: pending = pending.then(stepScale)
            case .addWeights(let rate):
                materialise()
                ChainKernels.addWeights(range, from: current, parameters: theta, rate: Scalar(rate), to: numerator)
                current = UnsafeRawPointer(numerator)
            case .elementwise(let index):
                // A stage that reads n / d itself spares the loop that would write it first.
                let quotient = hasDenominator && pending.isOne && transformations[index].readsQuotient
                if !quotient { materialise() }
                let block = StageBlock<Scalar>(range: range, input: current, inputDenominator: quotient ? UnsafeRawPointer(denominator) : nil,
                                               numerator: numerator, denominator: denominator, parameters: theta)
                transformations[index].apply(block, state: states[index], step: step)
                current = UnsafeRawPointer(outputs[index].numeratorInState.map { states[index][$0] } ?? numerator)
                pending = outputs[index].scale
                hasDenominator = outputs[index].hasDenominator
            }
        }
        if pass.then != nil {
            ChainKernels.materialise(range, from: current, denominator: hasDenominator ? denominator : nil,
                                     factor: Scalar(pending.value), scaled: !pending.isOne, to: update.rawStart)
        } else {
            ChainKernels.step(range, parameters: parameters.rawStart, numerator: current, denominator: hasDenominator ? denominator : nil,
                              factor: Scalar(pending.value), decayFactor: decayFactor == 1 ? nil : Scalar(decayFactor))
        }
    }

    /// The steps taken and each transformation's state under its index (`0.`, `1.`, …); the
    /// scratch and the step's factors are rewritten every step.
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["steps": Double(stepCount)])
        for (index, state) in states.enumerated() { snapshot.add(state.snapshot, as: "\(index)") }
        return snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let steps = try snapshot.count("steps")
        let parts = states.indices.map { snapshot.part("\($0)") }
        // Every part is checked before any is written.
        for (state, part) in zip(states, parts) { _ = try state.checked(part) }
        for (state, part) in zip(states, parts) { try state.restore(part) }
        stepCount = steps
    }
}
