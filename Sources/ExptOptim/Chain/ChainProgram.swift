import ExptConfig

/// A chain of transformations lowered into passes over the parameters.
///
/// The update is carried element by element as u = c · n / d: a numerator n, an optional
/// denominator d and a scalar factor c kept apart (``PendingScale``). Scalings fold into c;
/// an element-wise stage first materialises u (computing c · n / d only where c ≠ 1 or there is
/// a denominator), then writes its own n (and d, and factor). The step ends with
///
///     θ ← θ · f + (c · n) / d      (f = 1 + Σ cₖλₖ for the weight decays folded in, else θ + …)
///
/// which is the order of operations of torch's kernels (Adam's `addcdiv_`, AdamW's `mul_` first),
/// so a chain that spells a built-in computes its very numbers. Stages that need all of u (a
/// global norm, a per-tensor mean) split the chain into passes: the passes before them write the
/// materialised u to a buffer as long as the parameters. Within a pass, the elements go through
/// every stage in blocks small enough to stay in the first-level cache: one pass over memory.
struct ChainProgram: Sendable {
    /// One transformation as the lowering placed it.
    enum Operation: Sendable {
        /// Folds the transformation's factor (`scale`), or −γ (`learningRate`), into c.
        case scale(Int)
        case learningRate
        /// An element-wise stage (`apply`), or weight decay added element by element.
        case elementwise(Int)
        case addWeights(Double)
    }

    /// The operations between two whole-update stages.
    struct Pass: Sendable {
        var operations: [Operation] = []
        /// The whole-update stage that follows the pass (nil for the last pass, which steps).
        var then: Int?
    }

    let passes: [Pass]
    /// Weight decays applied as θ ← θ (1 + cλ): each rate and the indices of the scalings after it.
    let foldedDecays: [(rate: Double, scalingsAfter: [Int])]

    /// Lowers `transformations`, whose last one is `scale_by_learning_rate` (``ChainSettings`` checks it).
    init(_ transformations: [any Transformation]) {
        var passes = [Pass()]
        var folded: [(rate: Double, scalingsAfter: [Int])] = []
        for (index, transformation) in transformations.enumerated() {
            switch transformation.action {
            case .scale: passes[passes.count - 1].operations.append(.scale(index))
            case .learningRate: passes[passes.count - 1].operations.append(.learningRate)
            case .elementwise: passes[passes.count - 1].operations.append(.elementwise(index))
            case .whole:
                passes[passes.count - 1].then = index
                passes.append(Pass())
            case .decoupledDecay(let rate):
                let rest = transformations[(index + 1)...]
                if rest.allSatisfy({ $0.action == .scale || $0.action == .learningRate }) {
                    if rate != 0 {
                        folded.append((rate, rest.indices.filter { transformations[$0].action == .scale }))
                    }
                } else {
                    passes[passes.count - 1].operations.append(.addWeights(rate))
                }
            }
        }
        self.passes = passes
        foldedDecays = folded
    }

    /// Whether some stage needs all of the update.
    var hasWholeStages: Bool { passes.count > 1 }
}
