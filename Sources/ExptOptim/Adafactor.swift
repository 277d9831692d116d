import ExptConfig
import Foundation

/// Adafactor (Shazeer and Stern, 2018), as `torch.optim.Adafactor`: a second moment kept as a
/// row and a column factor for each tensor of two or more dimensions (memory r + c instead of
/// r c), a relative step size, and update clipping; no first moment.
///
/// With gradient g, parameters θ of a tensor with n elements, step t (from 1), learning rate
/// γ, weight decay λ, β₂ decay c (≤ 0), clipping threshold d and ε₁, ε₂:
///
///     ρ = min(γ, 1/√t)        α = max(ε₂, ‖θ‖/√n) ρ        w = t^c
///     θ ← θ (1 − γ λ)
///     matrix [R, C] (each of the leading dimensions' matrices, as torch):
///         R_r ← lerp(R_r, ‖g_r,:‖² / C, w)       C_c ← lerp(C_c, ‖g_:,c‖² / R, w)
///         v̂_rc = R_r C_c / max(mean(R), ε₁)
///     vector:
///         v ← lerp(v, g², w)                     v̂ = v
///     u = g / √max(v̂, ε₁²)
///     θ ← θ − (α / max(1, ‖u‖ / (√n d))) u
///
/// A matrix's rows and columns are torch's (the last two dimensions of torch's shape; a dense
/// weight stored transposed is read as torch's [out, in]). The norms and sums are taken in
/// `Scalar` in storage order, the step's factors (α, the clipping) in double precision, as
/// torch takes them from `.item()`.
public struct AdafactorHyperparameters: OptimizerKind {
    public static let name = "adafactor"
    public static let summary = "Factored second moments, relative step sizes and update clipping (torch.optim.Adafactor)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("beta2_decay", .number(\.beta2Decay, .nonPositive), "Exponent c of the second moment's weight t^c."),
         Hyperparameter("eps1", .number(\.eps1, .nonNegative),
                        "Floor of the second moment (squared) and of its row factors' mean (torch's eps[0])."),
         Hyperparameter("eps2", .number(\.eps2, .nonNegative), "Smallest parameter scale of the relative step (torch's eps[1])."),
         Hyperparameter("d", .number(\.d, .atLeastOne), "Clipping threshold of the update's root mean square."),
         .decoupledDecay(\.weightDecay)]
    }

    /// Learning rate, the most the relative step ρ may be. Default 0.01.
    public var lr: Double = 0.01
    /// Exponent c of the second moment's weight t^c. Default −0.8.
    public var beta2Decay: Double = -0.8
    /// ε₁. Default 1.1920929e-07: torch's `None` for float32 parameters, the machine epsilon of
    /// float32 (torch takes the parameters' dtype's; give it for double precision).
    public var eps1: Double = Double(Float.ulpOfOne)
    /// ε₂. Default 0.001.
    public var eps2: Double = 1e-3
    /// Clipping threshold d. Default 1.
    public var d: Double = 1
    /// Decoupled weight decay λ: θ ← θ (1 − γλ). Default 0.
    public var weightDecay: Double = 0

    /// Every hyperparameter at torch's default.
    public init() {}

    public init(lr: Double = 0.01, beta2Decay: Double = -0.8, eps1: Double = Double(Float.ulpOfOne), eps2: Double = 1e-3, d: Double = 1,
                weightDecay: Double = 0) {
        self.lr = lr
        self.beta2Decay = beta2Decay
        self.eps1 = eps1
        self.eps2 = eps2
        self.d = d
        self.weightDecay = weightDecay
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        AdafactorOptimizer<Scalar>(self, layout: layout)
    }
}

extension OptimizerConfig {
    /// Adafactor with `hyperparameters`.
    public static func adafactor(_ hyperparameters: AdafactorHyperparameters) -> Self { Self(hyperparameters) }
}

/// The optimizer `AdafactorHyperparameters` makes: each tensor's second moment (factored or
/// full) and the step's update.
final class AdafactorOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let settings: AdafactorHyperparameters
    private let tensors: [AdafactorTensor]
    private let parameterCount: Int
    /// The second moments of every tensor, and the step's update.
    private let state: OptimizerState<Scalar>

    init(_ settings: AdafactorHyperparameters, layout: ParameterLayout) {
        self.settings = settings
        var offset = 0
        tensors = layout.tensors.map { tensor in
            let planned = AdafactorTensor(tensor, stateOffset: offset)
            offset += planned.stateCount
            return planned
        }
        parameterCount = layout.count
        state = OptimizerState(lengths: [offset, layout.count], initialValue: 0)
    }

    /// One step; Adafactor looks at one point, so `reevaluate` is unused.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        precondition(parameters.count == gradients.count && parameters.count == parameterCount,
                     "parameters, gradients and the layout differ in size")
        state.stepCount += 1
        let t = Double(state.stepCount)
        let lr = Double(Scalar(learningRate))
        let relativeStep = min(lr, 1 / t.squareRoot())
        let weight = Scalar(pow(t, settings.beta2Decay))
        let decayFactor = Scalar(1 - lr * settings.weightDecay)
        let moments = state[0].assumingMemoryBound(to: Scalar.self)
        for tensor in tensors {
            let range = tensor.range
            let rootCount = Double(range.count).squareRoot()
            let scale = max(settings.eps2, Double(euclideanNorm(parameters.rawStart, range) as Scalar) / rootCount) * relativeStep
            tensor.secondMomentUpdate(gradients: gradients.rawStart, moments: moments + tensor.stateOffset, updates: state[1],
                                      weight: weight, eps1: settings.eps1)
            let clipping = max(1, Double(euclideanNorm(state[1], range) as Scalar) / (rootCount * settings.d))
            AdafactorStepKernel(parameters: parameters.rawStart.element(range.lowerBound, of: Scalar.self),
                                updates: state[1].element(range.lowerBound, of: Scalar.self), decaying: settings.weightDecay != 0,
                                decayFactor: decayFactor, factor: Scalar(-scale / clipping))
                .runVectorized(count: range.count)
        }
    }

    func saveState() -> OptimizerSnapshot {
        state.snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        try state.restore(snapshot)
    }
}

/// One tensor as Adafactor sees it: a stack of matrices whose rows and columns have a second
/// moment factor each (two or more dimensions), or a vector with a full second moment.
struct AdafactorTensor {
    let range: Range<Int>
    /// Where the tensor's second moment starts in the optimizer's state.
    let stateOffset: Int
    /// Matrices in the stack (the product of torch's leading dimensions), 0 for a vector.
    let matrices: Int
    let rows: Int
    let columns: Int
    /// Element (r, c) of a matrix is at r + c · rows (a dense weight stored transposed), not r · columns + c.
    let transposed: Bool

    init(_ tensor: ParameterTensor, stateOffset: Int) {
        range = tensor.range
        self.stateOffset = stateOffset
        transposed = tensor.storedTransposed
        if tensor.shape.count >= 2 {
            rows = tensor.shape[tensor.shape.count - 2]
            columns = tensor.shape[tensor.shape.count - 1]
            matrices = tensor.shape.dropLast(2).reduce(1, *)
        } else {
            (matrices, rows, columns) = (0, 0, 0)
        }
    }

    /// Elements of state: the row and column factors of each matrix, or one per element.
    var stateCount: Int { matrices > 0 ? matrices * (rows + columns) : range.count }

    /// Updates the second moment at `moments` for the tensor's gradient, and writes the
    /// tensor's u = g / √max(v̂, ε₁²) into `updates` (at the tensor's range).
    func secondMomentUpdate<Scalar: BinaryFloatingPoint>(gradients: UnsafeRawPointer, moments: UnsafeMutablePointer<Scalar>,
                                                          updates: UnsafeMutableRawPointer, weight: Scalar, eps1: Double) {
        let floor = Scalar(eps1 * eps1)
        guard matrices > 0 else {
            AdafactorVectorKernel(gradients: gradients.element(range.lowerBound, of: Scalar.self), moments: UnsafeMutableRawPointer(moments),
                                  updates: updates.element(range.lowerBound, of: Scalar.self), weight: weight, floor: floor)
                .runVectorized(count: range.count)
            return
        }
        let g = gradients.assumingMemoryBound(to: Scalar.self)
        // The lines of a matrix that are contiguous in storage: its rows, or its columns when
        // stored transposed; the sums across them are gathered line by line in `crossSums`
        // (the matrix's part of `updates`, written only after), so every sum adds its terms in
        // increasing row or column order and every read is sequential.
        let (lines, length) = transposed ? (columns, rows) : (rows, columns)
        for m in 0..<matrices {
            let matrixStart = range.lowerBound + m * rows * columns
            let crossSums = updates.element(matrixStart, of: Scalar.self).assumingMemoryBound(to: Scalar.self)
            let rowFactors = moments + m * (rows + columns)
            let columnFactors = rowFactors + rows
            let (lineFactors, crossFactors) = transposed ? (columnFactors, rowFactors) : (rowFactors, columnFactors)
            crossSums.update(repeating: 0, count: length)
            for line in 0..<lines {
                let start = matrixStart + line * length
                var sum: Scalar = 0
                for k in 0..<length {
                    let square = g[start + k] * g[start + k]
                    sum += square
                    crossSums[k] += square
                }
                // torch's norm(g, dim).square_().div_(count): the norm is rounded before it is squared.
                let norm = sum.squareRoot()
                lineFactors[line] = lerp(lineFactors[line], norm * norm / Scalar(length), weight)
            }
            for k in 0..<length {
                let norm = crossSums[k].squareRoot()
                crossFactors[k] = lerp(crossFactors[k], norm * norm / Scalar(lines), weight)
            }
            var rowSum: Scalar = 0
            for r in 0..<rows { rowSum += rowFactors[r] }
            let rowMean = Swift.max(rowSum / Scalar(rows), Scalar(eps1))
            for line in 0..<lines {
                let start = matrixStart + line * length
                AdafactorLineKernel(gradients: gradients.element(start, of: Scalar.self), updates: updates.element(start, of: Scalar.self),
                                    lineFactor: lineFactors[line], otherFactors: UnsafeRawPointer(crossFactors), rowMean: rowMean,
                                    floor: floor)
                    .runVectorized(count: length)
            }
        }
    }

    /// torch's `lerp` of one scalar (see `Lanes.lerp`).
    private func lerp<Scalar: BinaryFloatingPoint>(_ start: Scalar, _ end: Scalar, _ weight: Scalar) -> Scalar {
        ScalarLane.lerp(ScalarLane(repeating: start), ScalarLane(repeating: end), weight).value
    }
}

/// Adafactor's full second moment of a vector: v ← lerp(v, g², w), u = g / √max(v, ε₁²).
struct AdafactorVectorKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let gradients: UnsafeRawPointer
    let moments: UnsafeMutableRawPointer
    let updates: UnsafeMutableRawPointer
    let weight: Scalar
    /// ε₁².
    let floor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let floor = L(floor), one = L(1), weight = L.Scalar(weight)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            let g = L(loadingFrom: gradients, at: i)
            let v = L.lerp(L(loadingFrom: moments, at: i), g * g, weight)
            v.store(to: moments, at: i)
            (one / L.maximum(v, floor).squareRoot() * g).store(to: updates, at: i)
        }
    }
}

/// Adafactor's update along one contiguous line of a factored matrix, whose own factor (the
/// row's R_r, or the column's C_c when stored transposed) is one number and the other factors
/// run along it: u = g / √max(R_r C_c / mean(R), ε₁²).
struct AdafactorLineKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let gradients: UnsafeRawPointer
    let updates: UnsafeMutableRawPointer
    let lineFactor: Scalar
    let otherFactors: UnsafeRawPointer
    /// max(mean(R), ε₁).
    let rowMean: Scalar
    /// ε₁².
    let floor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        let lineFactor = L(lineFactor), rowMean = L(rowMean), floor = L(floor), one = L(1)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            let estimate = lineFactor * L(loadingFrom: otherFactors, at: i) / rowMean
            (one / L.maximum(estimate, floor).squareRoot() * L(loadingFrom: gradients, at: i)).store(to: updates, at: i)
        }
    }
}

/// Adafactor's step of one tensor: θ ← θ (1 − γλ) when decaying, then θ ← θ + f u with
/// f = −α / max(1, ‖u‖ / (√n d)).
struct AdafactorStepKernel<Scalar: BinaryFloatingPoint>: LaneKernel {
    let parameters: UnsafeMutableRawPointer
    let updates: UnsafeRawPointer
    let decaying: Bool
    let decayFactor: Scalar
    let factor: Scalar

    func run<L: Lanes>(_ lanes: L.Type, over range: Range<Int>) {
        if decaying { loop(L.self, range, decaying: true) } else { loop(L.self, range, decaying: false) }
    }

    @inline(__always)
    private func loop<L: Lanes>(_ lanes: L.Type, _ range: Range<Int>, decaying: Bool) {
        let decayFactor = L(decayFactor), factor = L(factor)
        for i in stride(from: range.lowerBound, to: range.upperBound, by: L.laneCount) {
            var theta = L(loadingFrom: parameters, at: i)
            if decaying { theta = theta * decayFactor }
            (theta + factor * L(loadingFrom: updates, at: i)).store(to: parameters, at: i)
        }
    }
}
