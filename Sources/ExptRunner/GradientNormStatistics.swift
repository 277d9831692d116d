/// The mean and maximum of an epoch's gradient norms, accumulated step by step.
struct GradientNormStatistics {
    private var sum = 0.0
    private var count = 0
    private(set) var max: Double?

    mutating func add(_ norm: Double) {
        sum += norm
        count += 1
        max = Swift.max(max ?? norm, norm)
    }

    /// nil before the first step.
    var mean: Double? {
        count == 0 ? nil : sum / Double(count)
    }
}
