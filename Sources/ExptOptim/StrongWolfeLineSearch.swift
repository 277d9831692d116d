/// The strong-Wolfe line search of `torch.optim.lbfgs._strong_wolfe`, ported statement for
/// statement: along direction d from loss f with slope g·d < 0, it brackets then zooms on a
/// step t with
///
///     φ(t) ≤ f + c₁ t (g·d)      and      |∇φ(t)·d| ≤ −c₂ (g·d)
///
/// (c₁ = 1e-4, c₂ = 0.9), each new trial the minimiser of the cubic through two points' values
/// and slopes (`cubicMinimum`), kept away from the bracket's ends. The first trial and at most
/// `maxEvaluations` more (torch's `max_ls` counts the trials after the first); the bracket's
/// better end is returned when it narrows below `toleranceChange`.
struct StrongWolfeLineSearch<Scalar: BinaryFloatingPoint> {
    /// The loss and the gradient at θ₀ + t d.
    typealias Evaluation = (Double) -> (loss: Double, gradient: [Scalar])

    let direction: [Scalar]
    let toleranceChange: Double
    let maxEvaluations: Int
    let c1 = 1e-4
    let c2 = 0.9

    /// The chosen step, its loss and gradient, and how many evaluations the search made.
    func search(step initial: Double, loss f: Double, gradient g: [Scalar], slope gtd: Double,
                evaluate: Evaluation) -> (loss: Double, gradient: [Scalar], step: Double, evaluations: Int) {
        let dNorm = direction.reduce(0.0) { Swift.max($0, abs(Double($1))) }
        var t = initial
        var (fNew, gNew) = evaluate(t)
        var evaluations = 1
        var gtdNew = dot(gNew, direction)
        var tPrev = 0.0, fPrev = f, gPrev = g, gtdPrev = gtd
        var done = false
        var iteration = 0
        var bracket: [Double] = [], bracketF: [Double] = [], bracketG: [[Scalar]] = [], bracketGtd: [Double] = []
        while iteration < maxEvaluations {
            if fNew > f + c1 * t * gtd || (iteration > 1 && fNew >= fPrev) {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            if abs(gtdNew) <= -c2 * gtd {
                (bracket, bracketF, bracketG) = ([t], [fNew], [gNew])
                done = true
                break
            }
            if gtdNew >= 0 {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            let minStep = t + 0.01 * (t - tPrev)
            let maxStep = t * 10
            let previous = t
            t = Self.cubicMinimum(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, bounds: (minStep, maxStep))
            (tPrev, fPrev, gPrev, gtdPrev) = (previous, fNew, gNew, gtdNew)
            (fNew, gNew) = evaluate(t)
            evaluations += 1
            gtdNew = dot(gNew, direction)
            iteration += 1
        }
        if iteration == maxEvaluations {
            (bracket, bracketF, bracketG) = ([0, t], [f, fNew], [g, gNew])
        }
        var insufficientProgress = false
        var (low, high) = bracketF[0] <= bracketF[bracketF.count - 1] ? (0, 1) : (1, 0)
        while !done && iteration < maxEvaluations {
            if abs(bracket[1] - bracket[0]) * dNorm < toleranceChange { break }
            t = Self.cubicMinimum(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])
            let upper = bracket.max()!, lower = bracket.min()!
            let eps = 0.1 * (upper - lower)
            if Swift.min(upper - t, t - lower) < eps {
                if insufficientProgress || t >= upper || t <= lower {
                    t = abs(t - upper) < abs(t - lower) ? upper - eps : lower + eps
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            (fNew, gNew) = evaluate(t)
            evaluations += 1
            gtdNew = dot(gNew, direction)
            iteration += 1
            if fNew > f + c1 * t * gtd || fNew >= bracketF[low] {
                (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (t, fNew, gNew, gtdNew)
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
            } else {
                if abs(gtdNew) <= -c2 * gtd {
                    done = true
                } else if gtdNew * (bracket[high] - bracket[low]) >= 0 {
                    (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) =
                        (bracket[low], bracketF[low], bracketG[low], bracketGtd[low])
                }
                (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]) = (t, fNew, gNew, gtdNew)
            }
        }
        return (bracketF[low], bracketG[low], bracket[low], evaluations)
    }

    /// The minimiser of the cubic through (x₁, f₁) and (x₂, f₂) with slopes g₁ and g₂, clamped to
    /// `bounds` (by default the interval between x₁ and x₂), or the bounds' midpoint when the
    /// cubic has no minimum (torch's `_cubic_interpolate`):
    ///
    ///     d₁ = g₁ + g₂ − 3 (f₁ − f₂)/(x₁ − x₂),   d₂ = √(d₁² − g₁ g₂)
    ///     x = x₂ − (x₂ − x₁) (g₂ + d₂ − d₁)/(g₂ − g₁ + 2 d₂)     (x₁ ≤ x₂; mirrored otherwise)
    static func cubicMinimum(_ x1: Double, _ f1: Double, _ g1: Double, _ x2: Double, _ f2: Double, _ g2: Double,
                             bounds: (Double, Double)? = nil) -> Double {
        let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
        let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        let d2Square = d1 * d1 - g1 * g2
        guard d2Square >= 0 else { return (lower + upper) / 2 }
        let d2 = d2Square.squareRoot()
        let minimum = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return Swift.min(Swift.max(minimum, lower), upper)
    }
}

/// Σ aᵢ bᵢ, summed in `Double` in index order.
func dot<Scalar: BinaryFloatingPoint>(_ a: [Scalar], _ b: [Scalar]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += Double(a[i]) * Double(b[i]) }
    return sum
}
