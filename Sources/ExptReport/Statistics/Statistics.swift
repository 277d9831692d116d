import ExptManifest

/// The summary statistics the report gives over seeds.
enum Statistics {
    /// The arithmetic mean, or nil for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (divisor n − 1); 0 for a single value, nil for none.
    static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        guard let mean = mean(values) else { return nil }
        guard values.count > 1 else { return 0 }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The middle value (the mean of the two middle values for an even count); NaN for none.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The position and value of the best of `values` by `goal`, the first on ties;
    /// values that are not numbers are skipped. Nil when no value is a number.
    static func best(_ values: [Double], by goal: Goal) -> (index: Int, value: Double)? {
        var best: (index: Int, value: Double)?
        for (index, value) in values.enumerated() where !value.isNaN {
            if let current = best, !goal.prefers(value, over: current.value) { continue }
            best = (index, value)
        }
        return best
    }
}

extension Goal {
    /// Whether `value` is strictly better than `other` in this direction.
    func prefers(_ value: Double, over other: Double) -> Bool {
        switch self {
        case .maximize: value > other
        case .minimize: value < other
        }
    }
}
