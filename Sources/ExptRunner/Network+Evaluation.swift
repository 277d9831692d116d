import ExptData
import ExptEngine

extension Network {
    /// The mean loss over `dataset`, and the share of `labels` predicted correctly when given.
    ///
    /// Rows are read in place, `rowsPerPass` at a time (at most the network's batch size),
    /// without copying the dataset.
    func evaluate(_ dataset: Dataset, labels: [Float]?, rowsPerPass: Int) -> (loss: Double, accuracy: Double?) {
        var lossSum = 0.0
        var correct = 0
        dataset.features.withUnsafeBufferPointer { features in
            dataset.targets.withUnsafeBufferPointer { targets in
                var start = 0
                while start < dataset.count {
                    let rows = min(rowsPerPass, dataset.count - start)
                    let inputs = UnsafeBufferPointer(
                        rebasing: features[start * dataset.featureCount..<(start + rows) * dataset.featureCount])
                    let expected = UnsafeBufferPointer(
                        rebasing: targets[start * dataset.targetCount..<(start + rows) * dataset.targetCount])
                    let result = withLabels(labels, from: start, count: rows) { batchLabels in
                        evaluate(inputs: inputs, targets: expected, batchSize: rows, labels: batchLabels)
                    }
                    lossSum += result.lossSum
                    correct += result.correct
                    start += rows
                }
            }
        }
        let count = Double(max(dataset.count, 1))
        return (lossSum / count, labels == nil ? nil : Double(correct) / count)
    }

    private func withLabels<R>(
        _ labels: [Float]?, from start: Int, count: Int, _ body: (UnsafeBufferPointer<Float>?) -> R
    ) -> R {
        guard let labels else { return body(nil) }
        return labels.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + count])) }
    }
}
