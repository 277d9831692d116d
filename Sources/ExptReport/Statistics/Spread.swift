/// The statistics of one value over the seeds that produced it: mean, sample standard
/// deviation, median, range and a 95% confidence interval of the mean.
struct Spread {
    /// The values, one per seed, in the order of the runs.
    let values: [Double]
    let mean: Double
    /// Sample standard deviation (n − 1); 0 for one value.
    let standardDeviation: Double
    /// How many values (seeds) the mean covers.
    var count: Int { values.count }

    /// Nil for no values.
    init?(_ values: [Double]) {
        guard let mean = Statistics.mean(values), let deviation = Statistics.sampleStandardDeviation(values) else { return nil }
        self.values = values
        self.mean = mean
        standardDeviation = deviation
    }

    var median: Double { Statistics.median(values) }
    var minimum: Double { values.min()! }
    var maximum: Double { values.max()! }

    /// Half the width of the 95% confidence interval of the mean, t(0.975, n − 1)·s/√n
    /// (Student's t, the values taken as independent draws of a normal variable); nil for a
    /// single value, which says nothing about the spread.
    var confidenceHalfWidth: Double? {
        guard count > 1 else { return nil }
        let t = StudentT.quantile(0.975, degreesOfFreedom: Double(count - 1))
        return t * standardDeviation / Double(count).squareRoot()
    }

    /// The 95% confidence interval of the mean, or nil for a single value.
    var confidenceInterval: ClosedRange<Double>? {
        guard let half = confidenceHalfWidth, mean.isFinite, half.isFinite else { return nil }
        return (mean - half)...(mean + half)
    }
}
