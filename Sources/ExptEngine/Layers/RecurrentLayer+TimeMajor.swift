extension RecurrentLayer {
    /// Copies the input projections (`projection`, example-major) to `gateValues` in time-major
    /// order, adding b_ih and, unless the cell projects the hidden state apart (b_hh goes
    /// there), b_hh: sixteen values at a time, `source + b_ih + (b_hh or 0)` in that order as the scalar form.
    func reorderToTimeMajor(batchSize: Int) {
        typealias V = VectorLoops
        let rows = width
        let addsHiddenBias = cell.hiddenProjection == nil
        for step in 0..<steps {
            for example in 0..<batchSize {
                let source = UnsafePointer(projection.pointer + (example * steps + step) * rows)
                let target = gateValues.pointer + (step * batchSize + example) * rows
                var j = 0
                while j < rows {
                    let lanes = min(V.width, rows - j)
                    let hidden = addsHiddenBias ? V.load(hiddenBias + j, lanes: lanes) : V.Vector()
                    V.store(V.load(source + j, lanes: lanes) + V.load(inputBias + j, lanes: lanes) + hidden,
                            to: target + j, lanes: lanes)
                    j += lanes
                }
            }
        }
    }
}
