import ExptConfig
import ExptOptim
import Foundation

/// Every update rule as a plain loop over one element at a time, in torch's order of
/// operations: the loops expt ran before its steps were vectorised. The vectorised steps must
/// give the same bits, element by element.
final class ScalarReferenceRule<T: BinaryFloatingPoint> {
    let config: OptimizerConfig
    private var s1: [T]
    private var s2: [T]
    private var s3: [T]
    private var stepCount = 0
    private var momentumProduct: T = 1

    init(_ config: OptimizerConfig, count: Int) {
        self.config = config
        let initial: T = if let h = config.settings as? AdagradHyperparameters { T(h.initialAccumulatorValue) } else { 0 }
        s1 = Array(repeating: initial, count: count)
        s2 = Array(repeating: 0, count: count)
        s3 = Array(repeating: 0, count: count)
    }

    func step(_ theta: inout [T], _ gradient: [T], learningRate: T) {
        stepCount += 1
        switch config.settings {
        case let h as SGDHyperparameters: sgd(h, &theta, gradient, learningRate)
        case let h as AdamHyperparameters: adam(h, decoupled: false, &theta, gradient, learningRate)
        case let h as AdamWHyperparameters:
            let adam = AdamHyperparameters(lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps,
                                           weightDecay: h.weightDecay, amsgrad: h.amsgrad)
            self.adam(adam, decoupled: true, &theta, gradient, learningRate)
        case let h as AdagradHyperparameters: adagrad(h, &theta, gradient, learningRate)
        case let h as RMSpropHyperparameters: rmsprop(h, &theta, gradient, learningRate)
        case let h as AdadeltaHyperparameters: adadelta(h, &theta, gradient, learningRate)
        case let h as NAdamHyperparameters: nadam(h, &theta, gradient, learningRate)
        case let h as RAdamHyperparameters: radam(h, &theta, gradient, learningRate)
        case let h as AdamaxHyperparameters: adamax(h, &theta, gradient, learningRate)
        case let h as LionHyperparameters: lion(h, &theta, gradient, learningRate)
        case let h as RpropHyperparameters: rprop(h, &theta, gradient, learningRate)
        default: preconditionFailure("no scalar reference for \(config.name)")
        }
    }

    private func sgd(_ h: SGDHyperparameters, _ theta: inout [T], _ gradient: [T], _ lr: T) {
        let weightDecay = T(h.weightDecay), momentum = T(h.momentum), keep = T(1 - h.dampening)
        for i in theta.indices {
            var g = gradient[i]
            if weightDecay != 0 { g += weightDecay * theta[i] }
            if momentum != 0 {
                let b = stepCount == 1 ? g : momentum * s1[i] + keep * g
                s1[i] = b
                g = h.nesterov ? g + momentum * b : b
            }
            theta[i] -= lr * g
        }
    }

    private func adam(_ h: AdamHyperparameters, decoupled: Bool, _ theta: inout [T], _ gradient: [T], _ learningRate: T) {
        let t = Double(stepCount), lr = Double(learningRate)
        let negativeStepSize = -T(lr / (1 - pow(h.beta1, t)))
        let correction2Root = T((1 - pow(h.beta2, t)).squareRoot())
        let coupledDecay = decoupled ? 0 : T(h.weightDecay)
        if decoupled && h.weightDecay != 0 { scale(&theta, by: T(1 - lr * h.weightDecay)) }
        for i in theta.indices {
            var g = gradient[i]
            if coupledDecay != 0 { g += coupledDecay * theta[i] }
            let m = lerp(s1[i], g, T(1 - h.beta1))
            let v = T(h.beta2) * s2[i] + T(1 - h.beta2) * g * g
            s1[i] = m
            s2[i] = v
            var vUsed = v
            if h.amsgrad {
                vUsed = maximum(s3[i], v)
                s3[i] = vUsed
            }
            let denominator = vUsed.squareRoot() / correction2Root + T(h.eps)
            theta[i] += negativeStepSize * m / denominator
        }
    }

    private func adagrad(_ h: AdagradHyperparameters, _ theta: inout [T], _ gradient: [T], _ learningRate: T) {
        let negativeRate = -T(Double(learningRate) / (1 + Double(stepCount - 1) * h.lrDecay))
        let weightDecay = T(h.weightDecay)
        for i in theta.indices {
            var g = gradient[i]
            if weightDecay != 0 { g += weightDecay * theta[i] }
            let s = s1[i] + g * g
            s1[i] = s
            theta[i] += negativeRate * g / (s.squareRoot() + T(h.eps))
        }
    }

    private func rmsprop(_ h: RMSpropHyperparameters, _ theta: inout [T], _ gradient: [T], _ lr: T) {
        let alpha = T(h.alpha), newWeight = T(1 - h.alpha), weightDecay = T(h.weightDecay), momentum = T(h.momentum)
        for i in theta.indices {
            var g = gradient[i]
            if weightDecay != 0 { g += weightDecay * theta[i] }
            let v = s1[i] * alpha + newWeight * g * g
            s1[i] = v
            var variance = v
            if h.centered {
                let mean = lerp(s2[i], g, newWeight)
                s2[i] = mean
                variance = v + -1 * mean * mean
            }
            let denominator = variance.squareRoot() + T(h.eps)
            if h.momentum > 0 {
                let b = s3[i] * momentum + g / denominator
                s3[i] = b
                theta[i] += -lr * b
            } else {
                theta[i] += -lr * g / denominator
            }
        }
    }

    private func adadelta(_ h: AdadeltaHyperparameters, _ theta: inout [T], _ gradient: [T], _ lr: T) {
        let rho = T(h.rho), newWeight = T(1 - h.rho), eps = T(h.eps), weightDecay = T(h.weightDecay)
        for i in theta.indices {
            var g = gradient[i]
            if weightDecay != 0 { g += weightDecay * theta[i] }
            let v = s1[i] * rho + newWeight * g * g
            s1[i] = v
            let delta = (s2[i] + eps).squareRoot() / (v + eps).squareRoot() * g
            s2[i] = s2[i] * rho + newWeight * delta * delta
            theta[i] += -lr * delta
        }
    }

    private func nadam(_ h: NAdamHyperparameters, _ theta: inout [T], _ gradient: [T], _ learningRate: T) {
        func momentum(at t: Double) -> Double { h.beta1 * (1 - 0.5 * pow(0.96, t * h.momentumDecay)) }
        let t = Double(stepCount), lr = Double(learningRate)
        let correction2 = T(1 - pow(h.beta2, t))
        let mu = momentum(at: t), nextMu = momentum(at: t + 1)
        momentumProduct *= T(mu)
        let product = Double(momentumProduct)
        let gradientFactor = T(-lr * (1 - mu) / (1 - product))
        let momentFactor = T(-lr * nextMu / (1 - product * nextMu))
        let coupledDecay = h.decoupledWeightDecay ? 0 : T(h.weightDecay)
        if h.decoupledWeightDecay && h.weightDecay != 0 { scale(&theta, by: T(1 - lr * h.weightDecay)) }
        for i in theta.indices {
            var g = gradient[i]
            if coupledDecay != 0 { g += coupledDecay * theta[i] }
            let m = lerp(s1[i], g, T(1 - h.beta1))
            let v = s2[i] * T(h.beta2) + T(1 - h.beta2) * g * g
            s1[i] = m
            s2[i] = v
            let denominator = (v / correction2).squareRoot() + T(h.eps)
            var updated = theta[i] + gradientFactor * g / denominator
            updated += momentFactor * m / denominator
            theta[i] = updated
        }
    }

    private func radam(_ h: RAdamHyperparameters, _ theta: inout [T], _ gradient: [T], _ learningRate: T) {
        let t = Double(stepCount), lr = Double(learningRate)
        let correction1 = T(1 - pow(h.beta1, t))
        let correction2 = 1 - pow(h.beta2, t)
        let rhoInfinity = 2 / (1 - h.beta2) - 1
        let rho = rhoInfinity - 2 * t * pow(h.beta2, t) / correction2
        let rectification = T(((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot())
        let correction2Root = T(correction2.squareRoot())
        let coupledDecay = h.decoupledWeightDecay ? 0 : T(h.weightDecay)
        if h.decoupledWeightDecay && h.weightDecay != 0 { scale(&theta, by: T(1 - lr * h.weightDecay)) }
        for i in theta.indices {
            var g = gradient[i]
            if coupledDecay != 0 { g += coupledDecay * theta[i] }
            let m = lerp(s1[i], g, T(1 - h.beta1))
            let v = s2[i] * T(h.beta2) + T(1 - h.beta2) * g * g
            s1[i] = m
            s2[i] = v
            let scaledMoment = m / correction1 * T(lr)
            if rho > 5 {
                let adaptiveRate = 1 / (v.squareRoot() + T(h.eps)) * correction2Root
                theta[i] -= scaledMoment * adaptiveRate * rectification
            } else {
                theta[i] -= scaledMoment
            }
        }
    }

    private func adamax(_ h: AdamaxHyperparameters, _ theta: inout [T], _ gradient: [T], _ learningRate: T) {
        let negativeStepSize = -T(Double(learningRate) / (1 - pow(h.beta1, Double(stepCount))))
        let weightDecay = T(h.weightDecay)
        for i in theta.indices {
            var g = gradient[i]
            if weightDecay != 0 { g += weightDecay * theta[i] }
            let m = lerp(s1[i], g, T(1 - h.beta1))
            let u = maximum(s2[i] * T(h.beta2), abs(g) + T(h.eps))
            s1[i] = m
            s2[i] = u
            theta[i] += negativeStepSize * m / u
        }
    }

    private func lion(_ h: LionHyperparameters, _ theta: inout [T], _ gradient: [T], _ lr: T) {
        if h.weightDecay != 0 { scale(&theta, by: T(1 - Double(lr) * h.weightDecay)) }
        for i in theta.indices {
            let g = gradient[i]
            let c = s1[i] * T(h.beta1) + T(1 - h.beta1) * g
            let sign: T = c > 0 ? 1 : c < 0 ? -1 : 0
            theta[i] += -lr * sign
            s1[i] = s1[i] * T(h.beta2) + T(1 - h.beta2) * g
        }
    }

    /// torch's `_single_tensor_rprop`: s1 is the previous gradient, s2 the step sizes.
    private func rprop(_ h: RpropHyperparameters, _ theta: inout [T], _ gradient: [T], _ lr: T) {
        if stepCount == 1 { s2 = Array(repeating: lr, count: theta.count) }
        for i in theta.indices {
            let product = gradient[i] * s1[i]
            let factor: T = product > 0 ? T(h.etaplus) : product < 0 ? T(h.etaminus) : 1
            s2[i] = min(max(s2[i] * factor, T(h.stepSizeMin)), T(h.stepSizeMax))
            let g: T = product < 0 ? 0 : gradient[i]
            let sign: T = g > 0 ? 1 : g < 0 ? -1 : 0
            theta[i] += -(sign * s2[i])
            s1[i] = g
        }
    }

    private func lerp(_ start: T, _ end: T, _ weight: T) -> T {
        abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }

    private func maximum(_ a: T, _ b: T) -> T {
        a > b || a.isNaN ? a : b
    }

    private func scale(_ theta: inout [T], by factor: T) {
        for i in theta.indices { theta[i] *= factor }
    }
}
