import ExptData
import ExptEngine

extension Network {
    /// The mean loss over `view` and its gradient at the parameters `point` (in double
    /// precision, rounded to Float for the network), accumulated in double precision batch by
    /// batch through `batch`: each batch's mean gradient weighted by its rows / the view's count.
    /// Leaves `point` (rounded) in `parameters` and the last batch's gradient in `gradients`.
    func lossAndGradient(at point: [Double], over view: DatasetView, through batch: BatchBuffers,
                         into gradient: inout [Double]) -> Double {
        set(point)
        for i in gradient.indices { gradient[i] = 0 }
        var loss = 0.0
        var start = 0
        while start < view.count {
            let rows = min(maxBatchSize, view.count - start)
            batch.fill(from: view.storage, rows: view.rows[start..<start + rows])
            let weight = Double(rows) / Double(view.count)
            loss += weight * Double(trainStep(inputs: batch.features.buffer, targets: batch.targets.buffer, batchSize: rows))
            let g = gradients.buffer
            for i in gradient.indices { gradient[i] += weight * Double(g[i]) }
            start += rows
        }
        return loss
    }

    /// The parameters as doubles.
    var parameterPoint: [Double] {
        parameters.buffer.map(Double.init)
    }

    /// Writes `point`, rounded to Float, into `parameters`.
    func set(_ point: [Double]) {
        precondition(point.count == parameters.count, "a point has one value per parameter")
        let p = parameters.pointer
        for i in point.indices { p[i] = Float(point[i]) }
    }
}
