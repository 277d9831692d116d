import ExptConfig

/// One gradient transformation of an optimizer written as a chain (Optax's
/// `GradientTransformation`): it maps the update u, which starts as the gradient g, to a new
/// update, keeping state between steps. The chain's last transformation,
/// `scale_by_learning_rate`, makes u the step, and the parameters move by it: θ ← θ + u.
///
/// A transformation is a settings type described by its table (decoded, listed and documented as
/// every kind is), listed once in ``TransformationRegistry``. Its `action` says how the chain
/// lowers it into one pass over the parameters (see ``ChainProgram``); it implements the
/// method its action calls.
public protocol Transformation: KindSettings {
    /// How the transformation acts on the update.
    var action: TransformationAction { get }
    /// The lengths of the state arrays it keeps for parameters laid out as `layout`
    /// (0 for an array these settings do not use); by default none.
    func stateLengths(layout: ParameterLayout) -> [Int]
    /// The value every state array starts at; by default 0.
    var initialState: Double { get }
    /// `.scale`: the step's factor.
    func scale(step: StepScalars) -> PendingScale
    /// `.elementwise`: what the stage writes this step (the same for every block of elements).
    func output(step: StepScalars) -> StageOutput
    /// `.elementwise`: whether `apply` reads its input as the quotient n / d itself (from
    /// `StageBlock/inputDenominator`), so that the chain need not materialise it in a loop of its
    /// own; by default false.
    var readsQuotient: Bool { get }
    /// `.elementwise`: updates the elements of `block.range`, reading the materialised update at
    /// `block.input` and writing its numerator (and denominator, if `output` says so).
    func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars)
    /// `.whole`: changes the materialised update in place, seeing all of it and the parameters.
    func applyWhole<Scalar: BinaryFloatingPoint>(_ update: UnsafeMutableBufferPointer<Scalar>, parameters: UnsafeBufferPointer<Scalar>,
                                                 layout: ParameterLayout, state: OptimizerState<Scalar>, step: StepScalars)
}

extension Transformation {
    /// Stored as `{"<name>": {<settings>}}` (no `_0`: no stored run predates transformations).
    public static var storedForm: StoredForm { .bare }
    public func stateLengths(layout: ParameterLayout) -> [Int] { [] }
    public var initialState: Double { 0 }
    public func scale(step: StepScalars) -> PendingScale { PendingScale() }
    public func output(step: StepScalars) -> StageOutput { StageOutput() }
    public var readsQuotient: Bool { false }
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {}
    public func applyWhole<Scalar: BinaryFloatingPoint>(_ update: UnsafeMutableBufferPointer<Scalar>, parameters: UnsafeBufferPointer<Scalar>,
                                                        layout: ParameterLayout, state: OptimizerState<Scalar>, step: StepScalars) {}

    /// The transformation as a chain entry: its name, and the settings that differ from their defaults.
    public var chainText: String {
        let defaults = Dictionary(Self.init().listed, uniquingKeysWith: { first, _ in first })
        let changed = listed.filter { defaults[$0.name] != $0.value }
        guard !changed.isEmpty else { return Self.name }
        return Self.name + ": {" + changed.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
    }
}

/// How a transformation acts on the update u, in the terms of the chain's lowering.
public enum TransformationAction: Equatable, Sendable {
    /// u ← c·u for a factor c that depends only on the step: folded into the update's scalar
    /// factor (``PendingScale``), never applied element by element.
    case scale
    /// The step: u ← −γ u, where γ is the schedule's rate; the last transformation of a chain.
    case learningRate
    /// u ← u + λθ (weight decay added to the update). Followed only by scalings, it is applied
    /// as θ ← θ (1 + cλ) before the update is added, c the product of those scalings (−γ: torch's
    /// θ (1 − γλ)); otherwise element by element. Both are the same number in exact arithmetic.
    case decoupledDecay(Double)
    /// An update of each element from its own values and state (`apply`).
    case elementwise
    /// An update that needs the whole of u first, a norm or a mean over a tensor (`applyWhole`).
    case whole
}

/// What a chain's step knows besides the buffers: its count (the first step is 1) and its
/// learning rate, already rounded once to the parameters' scalar type (as the built-in rules round it).
public struct StepScalars: Sendable {
    public let count: Int
    public let learningRate: Double
}

/// A scalar factor of the update not yet applied, kept as a sign, a product of multipliers and a
/// product of divisors in double precision: u = ± (Π mᵢ / Π dⱼ) · n / d. Kept apart, it is
/// rounded to the parameters' type once, as the built-in rules round theirs (Adam's
/// −γ / (1 − β₁ᵗ)), so a chain that spells a built-in computes its very numbers.
public struct PendingScale: Sendable, Equatable {
    public var negated = false
    public var multiplier = 1.0
    public var divisor = 1.0

    /// The factor 1.
    public init() {}

    public init(negated: Bool = false, multiplier: Double = 1, divisor: Double = 1) {
        self.negated = negated
        self.multiplier = multiplier
        self.divisor = divisor
    }

    /// This factor followed by `other`.
    func then(_ other: PendingScale) -> PendingScale {
        PendingScale(negated: negated != other.negated, multiplier: multiplier * other.multiplier, divisor: divisor * other.divisor)
    }

    /// The factor's value.
    var value: Double {
        let magnitude = multiplier / divisor
        return negated ? -magnitude : magnitude
    }

    /// Whether it is exactly 1, so applying it would change nothing.
    var isOne: Bool { !negated && multiplier == 1 && divisor == 1 }
}

/// What an element-wise stage writes in one step: its scalar factor, to be applied later
/// (Adam's 1 / (1 − β₁ᵗ)), and whether it writes a denominator (u = c · n / d).
public struct StageOutput: Sendable, Equatable {
    public var scale = PendingScale()
    public var hasDenominator = false
    /// The state array that holds the numerator (Adam's m), which the stage then need not copy
    /// to `StageBlock.numerator`; nil when the stage writes it there.
    public var numeratorInState: Int?

    public init(scale: PendingScale = PendingScale(), hasDenominator: Bool = false, numeratorInState: Int? = nil) {
        self.scale = scale
        self.hasDenominator = hasDenominator
        self.numeratorInState = numeratorInState
    }
}

/// The buffers of one block of elements as an element-wise stage sees them: every pointer is
/// indexed by the element's index in the whole parameter buffer (`range` lies within it).
public struct StageBlock<Scalar: BinaryFloatingPoint> {
    /// The elements to update.
    public let range: Range<Int>
    /// The materialised update u (possibly the same memory as `numerator`), or its numerator
    /// when `inputDenominator` is set.
    public let input: UnsafeRawPointer
    /// The denominator of the input, u = input / inputDenominator, for a stage that `readsQuotient`; else nil.
    public let inputDenominator: UnsafeRawPointer?
    /// Where the stage writes its update (or the numerator of it, unless it is a state array:
    /// see ``StageOutput/numeratorInState``).
    public let numerator: UnsafeMutableRawPointer
    /// Where a stage that has a denominator writes it.
    public let denominator: UnsafeMutableRawPointer
    /// The parameters as the step found them.
    public let parameters: UnsafeRawPointer
}
