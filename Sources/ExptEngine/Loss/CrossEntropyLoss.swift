import Foundation

/// Softmax cross-entropy over raw outputs (logits): per example, −log softmax(z)[y]
/// = logsumexp(z) − z[y], with the maximum subtracted before exponentiating.
/// Targets are class indices stored as Float.
enum CrossEntropyLoss {
    /// The sum over `rows` examples of their losses.
    static func lossSum(logits: UnsafePointer<Float>, labels: UnsafePointer<Float>, rows: Int, classes: Int) -> Double {
        var sum = 0.0
        for row in 0..<rows {
            let z = logits + row * classes
            let label = classIndex(labels[row], classes: classes)
            let maximum = rowMaximum(z, classes)
            var expSum: Float = 0
            for j in 0..<classes { expSum += exp(z[j] - maximum) }
            sum += exampleLoss(maximum: maximum, expSum: expSum, trueLogit: z[label])
        }
        return sum
    }

    /// Writes the gradient of the batch's mean loss with respect to the logits,
    /// (softmax(z) − onehot(y)) / rows, into `gradient`, and returns the mean loss.
    static func meanLossAndGradient(logits: UnsafePointer<Float>, labels: UnsafePointer<Float>, rows: Int, classes: Int, gradient: UnsafeMutablePointer<Float>) -> Double {
        let scale = 1 / Float(rows)
        var sum = 0.0
        for row in 0..<rows {
            let z = logits + row * classes
            let g = gradient + row * classes
            let label = classIndex(labels[row], classes: classes)
            let maximum = rowMaximum(z, classes)
            var expSum: Float = 0
            for j in 0..<classes {
                g[j] = exp(z[j] - maximum)
                expSum += g[j]
            }
            sum += exampleLoss(maximum: maximum, expSum: expSum, trueLogit: z[label])
            let factor = scale / expSum
            for j in 0..<classes { g[j] *= factor }
            g[label] -= scale
        }
        return sum / Double(rows)
    }

    /// logsumexp(z) − z[y] from max(z) and Σ exp(z − max(z)), with the subtraction in Double.
    @inline(__always)
    private static func exampleLoss(maximum: Float, expSum: Float, trueLogit: Float) -> Double {
        Double(maximum) + log(Double(expSum)) - Double(trueLogit)
    }

    @inline(__always)
    private static func rowMaximum(_ z: UnsafePointer<Float>, _ count: Int) -> Float {
        var maximum = z[0]
        for j in 1..<count where z[j] > maximum { maximum = z[j] }
        return maximum
    }

    @inline(__always)
    private static func classIndex(_ label: Float, classes: Int) -> Int {
        precondition(label >= 0 && label < Float(classes) && label.rounded() == label, "class label \(label) is not in 0..<\(classes)")
        return Int(label)
    }
}
