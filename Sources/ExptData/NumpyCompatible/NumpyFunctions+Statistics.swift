extension NumpyFunctions {
    /// `np.sum` over a whole contiguous array: numpy reduces it in buffers of 8192 values,
    /// each by pairwise summation, added one after another.
    static func blockedSum(_ values: [Double]) -> Double {
        let block = 8192
        var total = 0.0
        var start = 0
        while start < values.count {
            let end = min(start + block, values.count)
            total += pairwiseSum(Array(values[start..<end]))
            start = end
        }
        return total
    }

    /// `x.mean()` and `x.std()` (population, ddof 0) over a whole array, as numpy computes them:
    /// the sum divided by the count, then the square root of the mean squared deviation.
    static func meanAndStandardDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        let count = Double(values.count)
        let mean = blockedSum(values) / count
        let squares = values.map { ($0 - mean) * ($0 - mean) }
        return (mean, (blockedSum(squares) / count).squareRoot())
    }
}
