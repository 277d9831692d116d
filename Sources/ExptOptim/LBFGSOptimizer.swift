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
}
