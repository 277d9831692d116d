import ExptConfig

/// L-BFGS (Liu and Nocedal, 1989) as `torch.optim.LBFGS` computes it, with its strong-Wolfe
/// line search (`line_search_fn="strong_wolfe"`) or a fixed step (`None`). One expt step is
/// one torch `optimizer.step(closure)`: up to `max_iter` quasi-Newton iterations on the step's
/// batch, so it is meant for `batch_size: full` and for the 2D functions.
///
/// Each iteration, with gradient g, the last m pairs s = θ₊ − θ and y = g₊ − g kept where
/// y·s > 1e-10, ρ = 1/(y·s) and H = (y·s)/(y·y) of the newest pair (1 before any):
///
///     q ← −g;  αᵢ ← ρᵢ sᵢ·q,  q ← q − αᵢ yᵢ     (newest pair first)
///     d ← H q;  βᵢ ← ρᵢ yᵢ·d,  d ← d + (αᵢ − βᵢ) sᵢ   (oldest pair first)
///     t ← min(1, 1/‖g‖₁) γ at the very first iteration, γ after
///     θ ← θ + t d      (t chosen by the strong-Wolfe search, c₁ = 1e-4, c₂ = 0.9, when asked)
///
/// and stops when max|g| ≤ tolerance_grad, g·d > −tolerance_change, max|t d| ≤
/// tolerance_change, the loss changed by less than tolerance_change, or after `max_iter`
/// iterations or `max_eval` evaluations. The history is kept across steps, as torch keeps it.
///
/// Cost per step: one evaluation at the start (torch's first `closure()`: the executor's
/// gradient is taken again, to know the loss), then one per line-search trial (or one per
/// iteration without a search): `max_eval` at most, or one more when a line search starts
/// (torch's `max_ls` bound counts the trials after the first). Without `reevaluate` (unit
/// tests) a step is one iteration with the fixed step t, as torch with `max_iter: 1` and no
/// line search (the loss is unknown, so tolerance_change is read only against g·d and t d).
/// The vectors are in `Scalar`; the step lengths, losses and dot products in `Double`. Unlike
/// the element-wise rules it allocates as it goes, as torch does: each iteration's pair and
/// direction, each trial's gradient (at most `history_size` pairs are kept).
public struct LBFGSHyperparameters: OptimizerKind {
    /// torch's `line_search_fn`.
    public enum LineSearch: String, CaseIterable, Codable, Sendable {
        /// The strong-Wolfe search with cubic interpolation.
        case strongWolfe = "strong_wolfe"
        /// The fixed step t.
        case none
    }

    public static let name = "lbfgs"
    public static let summary = "L-BFGS with a strong-Wolfe line search, several evaluations per step (torch.optim.LBFGS)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("lr", .number(\.lr, .positive), "Step length factor γ (the line search's first trial)."),
         Hyperparameter("max_iter", .integer(\.maxIter, 1...1_000_000), "Most iterations per step."),
         Hyperparameter("max_eval", .integer(\.maxEval, 0...1_000_000),
                        "Most loss evaluations per step; 0 means max_iter · 5/4 (rounded down), torch's default."),
         Hyperparameter("tolerance_grad", .number(\.toleranceGrad, .nonNegative), "Stop when max |g| is at most this."),
         Hyperparameter("tolerance_change", .number(\.toleranceChange, .nonNegative),
                        "Stop when the loss or the parameters change by less than this."),
         Hyperparameter("history_size", .integer(\.historySize, 1...1_000_000), "Pairs (s, y) kept."),
         Hyperparameter("line_search", .choice(.of(\.lineSearch)), "strong_wolfe, or none for the fixed step.")]
    }

    /// Learning rate γ. Default 1.
    public var lr: Double = 1
    /// Most iterations per step. Default 20.
    public var maxIter: Int = 20
    /// Most evaluations per step; 0 for max_iter · 5/4. Default 0.
    public var maxEval: Int = 0
    /// Default 1e-7.
    public var toleranceGrad: Double = 1e-7
    /// Default 1e-9.
    public var toleranceChange: Double = 1e-9
    /// Default 100.
    public var historySize: Int = 100
    /// Default strong_wolfe.
    public var lineSearch: LineSearch = .strongWolfe

    /// Every hyperparameter at torch's default, with the strong-Wolfe search.
    public init() {}

    public init(lr: Double = 1, maxIter: Int = 20, maxEval: Int = 0, toleranceGrad: Double = 1e-7, toleranceChange: Double = 1e-9,
                historySize: Int = 100, lineSearch: LineSearch = .strongWolfe) {
        self.lr = lr
        self.maxIter = maxIter
        self.maxEval = maxEval
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        self.historySize = historySize
        self.lineSearch = lineSearch
    }

    /// `max_eval`, or torch's `max_iter * 5 // 4` when it is 0.
    public var evaluationLimit: Int {
        maxEval == 0 ? maxIter * 5 / 4 : maxEval
    }

    public var evaluatesAgain: Bool { true }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        LBFGSOptimizer<Scalar>(settings: self, count: layout.count)
    }
}

extension OptimizerConfig {
    /// L-BFGS with `hyperparameters`.
    public static func lbfgs(_ hyperparameters: LBFGSHyperparameters) -> Self { Self(hyperparameters) }
}
