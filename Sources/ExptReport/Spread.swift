/// A mean and sample standard deviation over the seeds that produced a value.
struct Spread {
    let mean: Double
    /// Sample standard deviation (n − 1); 0 for one value.
    let standardDeviation: Double
    /// How many values (seeds) the mean covers.
    let count: Int

    /// Nil for no values.
    init?(_ values: [Double]) {
        guard let mean = Statistics.mean(values), let deviation = Statistics.sampleStandardDeviation(values) else { return nil }
        self.mean = mean
        standardDeviation = deviation
        count = values.count
    }
}
