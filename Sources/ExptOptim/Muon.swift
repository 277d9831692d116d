import ExptConfig

/// Muon (Jordan et al., 2024; Liu et al., 2025, "Muon is Scalable for LLM Training"): the update
/// rule of `torch.optim.Muon` for every tensor with a matrix shape (two dimensions or more, read
/// as the first against the product of the others), and `torch.optim.AdamW` with its own
/// settings (`adamw_*`) for the others (biases, norms), as torch's documentation pairs them.
///
/// For a matrix tensor θ of torch's shape A × B (a fully connected weight is [out, in], though
/// expt stores it transposed), gradient G, momentum μ, learning rate γ, weight decay λ:
///
///     M ← lerp(M, G, 1 − μ)                  (M ← μ M + (1 − μ) G)
///     U ← lerp(G, M, μ)  (nesterov)   or  U ← M
///     O ← NS₅(U)                             (`NewtonSchulz`, on torch's A × B orientation)
///     θ ← θ (1 − γ λ)
///     θ ← θ − γ · s · O,   s = √max(1, A/B) (original)  or  0.2 √max(A, B) (match_rms_adamw)
///
/// The Newton–Schulz products are computed in the parameters' precision, where torch 2.13
/// casts them to bfloat16; the parity fixture runs torch's Muon with that cast removed. The
/// schedule scales both parts alike: the AdamW tensors step at adamw_lr · (rate / lr).
public struct MuonHyperparameters: OptimizerKind {
    public static let name = "muon"
    public static let summary = "Newton–Schulz orthogonalised momentum for matrices, AdamW for the rest (torch.optim.Muon)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative),
                        "Decoupled, for the matrices: shrinks them by lr · weight_decay each step."),
         Hyperparameter("momentum", .number(\.momentum, .halfOpenUnit), "Decay rate of the momentum of the matrices' gradients."),
         Hyperparameter("nesterov", .flag(\.nesterov), "Orthogonalise lerp(gradient, momentum, momentum) instead of the momentum."),
         Hyperparameter("eps", .number(\.eps, .positive), "Smallest Frobenius norm the iteration divides by."),
         Hyperparameter("ns_steps", .integer(\.nsSteps, 1...99), "Newton–Schulz iterations per step."),
         Hyperparameter("adjust_lr_fn", .choice(.of(\.adjustLRFunction)),
                        "Rate of an A × B matrix: lr · √max(1, A/B) (original) or lr · 0.2 √max(A, B) (match_rms_adamw)."),
         Hyperparameter("adamw_lr", .number(\.adamwLR, .positive), "AdamW's learning rate, for the tensors that are not matrices."),
         Hyperparameter("adamw_betas", .pair(\.adamwBeta1, \.adamwBeta2, names: ("adamw_beta1", "adamw_beta2")),
                        "AdamW's decay rates of the first and second moments."),
         Hyperparameter("adamw_eps", .number(\.adamwEps, .positive), "AdamW's term added to the denominator."),
         Hyperparameter("adamw_weight_decay", .number(\.adamwWeightDecay, .nonNegative),
                        "AdamW's decoupled weight decay, for the tensors that are not matrices.")]
    }

    /// How the learning rate of an A × B matrix is scaled (torch's `adjust_lr_fn`).
    public enum LearningRateAdjustment: String, CaseIterable, Codable, Sendable {
        /// √max(1, A/B): Keller Jordan's.
        case original
        /// 0.2 √max(A, B): Moonshot's, which makes the update's RMS that of AdamW.
        case matchRMSAdamW = "match_rms_adamw"

        /// The factor of the learning rate for a `rows` × `columns` matrix.
        func factor(rows: Int, columns: Int) -> Double {
            switch self {
            case .original: max(1, Double(rows) / Double(columns)).squareRoot()
            case .matchRMSAdamW: 0.2 * Double(max(rows, columns)).squareRoot()
            }
        }
    }

    /// Learning rate of the matrices. Default 0.001.
    public var lr: Double = 0.001
    /// Decoupled weight decay of the matrices. Default 0.1.
    public var weightDecay: Double = 0.1
    /// Momentum μ. Default 0.95.
    public var momentum: Double = 0.95
    /// Nesterov momentum. Default true.
    public var nesterov: Bool = true
    /// Smallest norm divided by in the iteration. Default 1e-7.
    public var eps: Double = 1e-7
    /// Newton–Schulz iterations. Default 5.
    public var nsSteps: Int = 5
    /// The learning rate's scaling by the matrix's shape. Default original.
    public var adjustLRFunction: LearningRateAdjustment = .original
    /// AdamW's learning rate (torch.optim.AdamW's default 0.001).
    public var adamwLR: Double = 0.001
    /// AdamW's β₁. Default 0.9.
    public var adamwBeta1: Double = 0.9
    /// AdamW's β₂. Default 0.999.
    public var adamwBeta2: Double = 0.999
    /// AdamW's ε. Default 1e-8.
    public var adamwEps: Double = 1e-8
    /// AdamW's decoupled weight decay. Default 0.01.
    public var adamwWeightDecay: Double = 0.01

    /// Every hyperparameter at torch's default (torch.optim.AdamW's for the `adamw_*` ones).
    public init() {}

    /// The AdamW settings of the tensors that are not matrices.
    var adamw: AdamWHyperparameters {
        AdamWHyperparameters(lr: adamwLR, beta1: adamwBeta1, beta2: adamwBeta2, eps: adamwEps, weightDecay: adamwWeightDecay)
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        MuonOptimizer<Scalar>(self, layout: layout)
    }
}

extension OptimizerConfig {
    /// Muon with `hyperparameters`.
    public static func muon(_ hyperparameters: MuonHyperparameters) -> Self { Self(hyperparameters) }
}

/// Muon's state for one layout: per matrix tensor its momentum and its Newton–Schulz iteration,
/// per other tensor an AdamW optimizer.
final class MuonOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    /// One matrix tensor: where its torch element (i, j) is stored, and where it sits in the
    /// iteration's wide matrix.
    private struct Matrix {
        let tensor: ParameterTensor
        let rows: Int
        let columns: Int
        var momentum: [Scalar]
        var iteration: NewtonSchulz<Scalar>
        /// The update, laid out as the iteration's wide (rows ≤ columns) matrix.
        var update: [Scalar]

        /// The buffer index of torch's element (i, j).
        func storedIndex(_ i: Int, _ j: Int) -> Int {
            tensor.range.lowerBound + (tensor.storedTransposed ? j * rows + i : i * columns + j)
        }

        /// The wide matrix's index of torch's element (i, j): transposed when the matrix is tall.
        func wideIndex(_ i: Int, _ j: Int) -> Int {
            rows <= columns ? i * columns + j : j * rows + i
        }
    }

    private let settings: MuonHyperparameters
    private var matrices: [Matrix]
    private let others: [(range: Range<Int>, optimizer: any ParameterOptimizer<Scalar>)]

    init(_ settings: MuonHyperparameters, layout: ParameterLayout) {
        self.settings = settings
        matrices = layout.tensors.compactMap { tensor in
            tensor.matrixShape.map { shape in
                Matrix(tensor: tensor, rows: shape.rows, columns: shape.columns,
                       momentum: Array(repeating: 0, count: tensor.count),
                       iteration: NewtonSchulz(rows: shape.rows, columns: shape.columns, steps: settings.nsSteps, eps: settings.eps),
                       update: Array(repeating: 0, count: tensor.count))
            }
        }
        others = layout.tensors.filter { $0.matrixShape == nil }.map { tensor in
            (tensor.range, settings.adamw.makeOptimizer(of: Scalar.self, parameterCount: tensor.count))
        }
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        for index in matrices.indices {
            step(&matrices[index], parameters: parameters, gradients: gradients, learningRate: learningRate)
        }
        let adamwRate = settings.adamwLR * (learningRate / settings.lr)
        for (range, optimizer) in others {
            optimizer.step(parameters: UnsafeMutableBufferPointer(rebasing: parameters[range]),
                           gradients: UnsafeBufferPointer(rebasing: gradients[range]), learningRate: adamwRate)
        }
    }

    private func step(_ matrix: inout Matrix, parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>,
                      learningRate: Double) {
        let momentumWeight = Scalar(1 - settings.momentum), nesterovWeight = Scalar(settings.momentum)
        let offset = matrix.tensor.range.lowerBound
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns {
                let stored = matrix.storedIndex(i, j)
                let g = ScalarLane(repeating: gradients[stored])
                let m = ScalarLane.lerp(ScalarLane(repeating: matrix.momentum[stored - offset]), g, momentumWeight)
                matrix.momentum[stored - offset] = m.value
                matrix.update[matrix.wideIndex(i, j)] = settings.nesterov ? ScalarLane.lerp(g, m, nesterovWeight).value : m.value
            }
        }
        matrix.iteration.orthogonalise(&matrix.update)
        let decay = Scalar(1 - learningRate * settings.weightDecay)
        let negativeRate = -Scalar(learningRate * settings.adjustLRFunction.factor(rows: matrix.rows, columns: matrix.columns))
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns {
                let stored = matrix.storedIndex(i, j)
                let decayed = parameters[stored] * decay
                parameters[stored] = decayed + negativeRate * matrix.update[matrix.wideIndex(i, j)]
            }
        }
    }

    /// Each matrix's momentum (`momentum.<tensor>`) and, under `adamw.<tensor>`, each other
    /// tensor's AdamW state; the update and the iteration's buffers are rewritten every step.
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot()
        for matrix in matrices { snapshot.save(matrix.momentum, as: "momentum.\(matrix.tensor.name)") }
        for (index, other) in others.enumerated() { snapshot.add(other.optimizer.saveState(), as: "adamw.\(index)") }
        return snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        var momenta: [[Scalar]] = []
        for matrix in matrices { momenta.append(try snapshot.values("momentum.\(matrix.tensor.name)", count: matrix.momentum.count)) }
        for (index, other) in others.enumerated() { try other.optimizer.restoreState(snapshot.part("adamw.\(index)")) }
        for index in matrices.indices { matrices[index].momentum = momenta[index] }
    }
}
