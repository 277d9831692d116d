/// The state and the step of L-BFGS (see `LBFGSHyperparameters`), ported from
/// `torch.optim.LBFGS.step`: the history of pairs, the last direction and step length, the
/// previous gradient and loss, and the count of iterations over all steps.
final class LBFGSOptimizer<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    let settings: LBFGSHyperparameters
    let count: Int
    /// Iterations over every step so far (torch's `state["n_iter"]`).
    private var iterations = 0
    private var direction: [Scalar] = []
    private var stepLength = 0.0
    /// The pairs' gradient changes y, parameter changes s and 1/(y·s), oldest first.
    private var gradientChanges: [[Scalar]] = []
    private var parameterChanges: [[Scalar]] = []
    private var inverseCurvatures: [Double] = []
    /// H, the initial inverse Hessian's scale.
    private var hessianScale = 1.0
    private var previousGradient: [Scalar] = []

    init(settings: LBFGSHyperparameters, count: Int) {
        self.settings = settings
        self.count = count
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        var loss = reevaluate?() ?? .nan
        var gradient = Array(gradients)
        guard maxAbsolute(gradient) > settings.toleranceGrad else { return }
        let maxEvaluations = settings.evaluationLimit
        var evaluations = 1
        var inner = 0
        while inner < settings.maxIter {
            inner += 1
            iterations += 1
            if iterations == 1 {
                direction = gradient.map { -$0 }
                gradientChanges = []
                parameterChanges = []
                inverseCurvatures = []
                hessianScale = 1
            } else {
                direction = nextDirection(gradient: gradient)
            }
            previousGradient = gradient
            let previousLoss = loss
            stepLength = iterations == 1
                ? min(1, 1 / gradient.reduce(0.0) { $0 + abs(Double($1)) }) * learningRate
                : learningRate
            let slope = dot(gradient, direction)
            if slope > -settings.toleranceChange { break }
            var optimal = false
            if let reevaluate, settings.lineSearch == .strongWolfe {
                let start = Array(parameters)
                let search = StrongWolfeLineSearch<Scalar>(direction: direction, toleranceChange: settings.toleranceChange,
                                                           maxEvaluations: maxEvaluations - evaluations)
                let found = search.search(step: stepLength, loss: loss, gradient: gradient, slope: slope) { t in
                    self.move(parameters, from: start, by: t)
                    let loss = reevaluate()
                    let gradient = Array(gradients)
                    for i in 0..<self.count { parameters[i] = start[i] }
                    return (loss, gradient)
                }
                (loss, gradient, stepLength) = (found.loss, found.gradient, found.step)
                move(parameters, from: start, by: stepLength)
                optimal = maxAbsolute(gradient) <= settings.toleranceGrad
                evaluations += found.evaluations
            } else {
                move(parameters, from: Array(parameters), by: stepLength)
                // Without `reevaluate` the new gradient is unknown: the step ends here.
                guard let reevaluate else { break }
                if inner != settings.maxIter {
                    loss = reevaluate()
                    gradient = Array(gradients)
                    optimal = maxAbsolute(gradient) <= settings.toleranceGrad
                    evaluations += 1
                }
            }
            if inner == settings.maxIter || evaluations >= maxEvaluations || optimal { break }
            if direction.reduce(0.0, { max($0, abs(Double($1 * Scalar(stepLength)))) }) <= settings.toleranceChange { break }
            if abs(loss - previousLoss) < settings.toleranceChange { break }
        }
    }

    /// Records the last pair when its curvature y·s exceeds 1e-10, then applies the two-loop
    /// recursion to −g.
    private func nextDirection(gradient: [Scalar]) -> [Scalar] {
        let t = Scalar(stepLength)
        let y = zip(gradient, previousGradient).map { $0 - $1 }
        let s = direction.map { $0 * t }
        let ys = dot(y, s)
        if ys > 1e-10 {
            if gradientChanges.count == settings.historySize {
                gradientChanges.removeFirst()
                parameterChanges.removeFirst()
                inverseCurvatures.removeFirst()
            }
            gradientChanges.append(y)
            parameterChanges.append(s)
            inverseCurvatures.append(1 / ys)
            hessianScale = ys / dot(y, y)
        }
        var alphas = [Double](repeating: 0, count: gradientChanges.count)
        var q = gradient.map { -$0 }
        for i in gradientChanges.indices.reversed() {
            alphas[i] = dot(parameterChanges[i], q) * inverseCurvatures[i]
            addScaled(&q, gradientChanges[i], -alphas[i])
        }
        var r = q.map { $0 * Scalar(hessianScale) }
        for i in gradientChanges.indices {
            let beta = dot(gradientChanges[i], r) * inverseCurvatures[i]
            addScaled(&r, parameterChanges[i], alphas[i] - beta)
        }
        return r
    }

    /// θ ← θ₀ + t d.
    private func move(_ parameters: UnsafeMutableBufferPointer<Scalar>, from start: [Scalar], by t: Double) {
        let t = Scalar(t)
        for i in 0..<count { parameters[i] = start[i] + t * direction[i] }
    }

    private func addScaled(_ a: inout [Scalar], _ b: [Scalar], _ factor: Double) {
        let factor = Scalar(factor)
        for i in a.indices { a[i] += factor * b[i] }
    }

    private func maxAbsolute(_ values: [Scalar]) -> Double {
        values.reduce(0.0) { max($0, abs(Double($1))) }
    }

    /// The iterations, step length and Hessian scale; the last direction and gradient (empty
    /// before the first step); the pairs as `y.<i>`, `s.<i>` (oldest first) and their `inverse_curvatures`.
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["iterations": Double(iterations), "step_length": stepLength,
                                                   "hessian_scale": hessianScale])
        snapshot.save(direction, as: "direction")
        snapshot.save(previousGradient, as: "previous_gradient")
        snapshot.save(inverseCurvatures, as: "inverse_curvatures")
        for (index, (y, s)) in zip(gradientChanges, parameterChanges).enumerated() {
            snapshot.save(y, as: "y.\(index)")
            snapshot.save(s, as: "s.\(index)")
        }
        return snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        /// An array of `count` values, or none before the first step.
        func optionalArray(_ name: String) throws(OptimizerSnapshotError) -> [Scalar] {
            try snapshot.values(name, count: snapshot.arrays[name]?.isEmpty == true ? 0 : count)
        }
        let iterations = try snapshot.count("iterations")
        let stepLength = try snapshot.scalar("step_length"), hessianScale = try snapshot.scalar("hessian_scale")
        let direction = try optionalArray("direction"), previousGradient = try optionalArray("previous_gradient")
        let pairs = snapshot.arrays["inverse_curvatures"]?.count ?? 0
        let inverseCurvatures: [Double] = try snapshot.values("inverse_curvatures", count: pairs)
        var gradientChanges: [[Scalar]] = [], parameterChanges: [[Scalar]] = []
        for index in 0..<pairs {
            gradientChanges.append(try snapshot.values("y.\(index)", count: count))
            parameterChanges.append(try snapshot.values("s.\(index)", count: count))
        }
        self.iterations = iterations
        self.stepLength = stepLength
        self.hessianScale = hessianScale
        self.direction = direction
        self.previousGradient = previousGradient
        self.inverseCurvatures = inverseCurvatures
        self.gradientChanges = gradientChanges
        self.parameterChanges = parameterChanges
    }
}
