/// Per-feature statistics of some rows of a dataset, in double precision, accumulated row by
/// row (one pass over contiguous memory per statistic) in the order of the rows.
///
/// Each feature's sum adds its values one after another from 0, and its extremes compare them
/// one after another from the first (as `Sequence.min()` and `max()` do), so the results are
/// those of a column read out and reduced, bit for bit.
struct FeatureStatistics {
    private let examples: Dataset
    private let rows: [Int]

    init(_ examples: Dataset, rows: [Int]) {
        self.examples = examples
        self.rows = rows
    }

    /// The mean of each feature; 0 over no rows.
    var means: [Double] {
        var sums = [Double](repeating: 0, count: examples.featureCount)
        forEachRow { values in
            for feature in sums.indices { sums[feature] += Double(values[feature]) }
        }
        let divisor = Double(max(rows.count, 1))
        return sums.map { $0 / divisor }
    }

    /// The population variance (ddof 0) of each feature about its mean `means` (from
    /// ``means``); 0 over no rows.
    func variances(around means: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: examples.featureCount)
        forEachRow { values in
            for feature in sums.indices {
                let value = Double(values[feature])
                sums[feature] += (value - means[feature]) * (value - means[feature])
            }
        }
        let divisor = Double(max(rows.count, 1))
        return sums.map { $0 / divisor }
    }

    /// The smallest value of each feature; 0 over no rows.
    var minimums: [Double] {
        extremes { candidate, current in candidate < current }
    }

    /// The largest value of each feature; 0 over no rows.
    var maximums: [Double] {
        extremes { candidate, current in current < candidate }
    }

    /// Each feature's value that `replaces` prefers over every later one, starting from the first row.
    private func extremes(_ replaces: (_ candidate: Double, _ current: Double) -> Bool) -> [Double] {
        var result = [Double](repeating: 0, count: examples.featureCount)
        var first = true
        forEachRow { values in
            for feature in result.indices {
                let value = Double(values[feature])
                if first || replaces(value, result[feature]) { result[feature] = value }
            }
            first = false
        }
        return result
    }

    private func forEachRow(_ body: (UnsafeBufferPointer<Float>) -> Void) {
        let width = examples.featureCount
        examples.features.withUnsafeBufferPointer { features in
            for row in rows {
                body(UnsafeBufferPointer(rebasing: features[row * width..<(row + 1) * width]))
            }
        }
    }
}
