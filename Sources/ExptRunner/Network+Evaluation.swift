import ExptData
import ExptEngine

extension Network {
    /// The mean loss over the examples of `view`, and the share predicted correctly when the
    /// targets are classes (the share of positions, for a class per position).
    ///
    /// The examples are gathered into `batch`, as many at a time as it holds (the network's
    /// batch size), in the view's order, so evaluation allocates nothing and never copies the
    /// view as a whole.
    func evaluate(_ view: DatasetView, through batch: BatchBuffers) -> (loss: Double, accuracy: Double?) {
        let rowsPerPass = maxBatchSize
        var lossSum = 0.0
        var correct = 0
        var start = 0
        while start < view.count {
            let rows = min(rowsPerPass, view.count - start)
            batch.fill(from: view.storage, rows: view.rows[start..<start + rows])
            let result = evaluate(inputs: batch.features.buffer, targets: batch.targets.buffer, batchSize: rows, labels: batch.labels)
            lossSum += result.lossSum
            correct += result.correct
            start += rows
        }
        let count = Double(max(view.count, 1))
        return (lossSum / count, batch.labels == nil ? nil : Double(correct) / (count * Double(labelsPerExample)))
    }
}
