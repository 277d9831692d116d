/// How features are rescaled before training. The statistics come from the training part
/// only and are applied unchanged to the validation and test parts, so that nothing about
/// the held-out examples leaks into training.
public enum Normalization: String, Sendable, Hashable, CaseIterable, Codable {
    /// Each feature minus its training mean, divided by its training standard deviation
    /// (population, ddof 0); a feature constant over the training part is only centred.
    case standardize
    /// Each feature mapped linearly so that its training minimum is 0 and its maximum 1; a
    /// feature constant over the training part is only shifted to 0. Where the values have a
    /// known range (the pixel bytes of image files, 0 to 255), that range is used instead, the
    /// same for every feature: pixels are divided by 255.
    case scale
}

/// Per-feature affine maps `x ↦ (x − shift) / divisor`, fitted on a training set.
public struct FeatureScaler: Sendable, Equatable {
    public var shifts: [Double]
    public var divisors: [Double]

    /// Fits `normalization` on the features of `train` (in double precision); `scale` maps
    /// `valueRange`, when given, to [0, 1] instead of each feature's training range.
    public init(_ normalization: Normalization, fittedOn train: Dataset, valueRange: ClosedRange<Double>? = nil) {
        if normalization == .scale, let valueRange {
            shifts = Array(repeating: valueRange.lowerBound, count: train.featureCount)
            divisors = Array(repeating: valueRange.upperBound > valueRange.lowerBound ? valueRange.upperBound - valueRange.lowerBound : 1,
                             count: train.featureCount)
            return
        }
        let width = train.featureCount
        var shifts = [Double](repeating: 0, count: width)
        var divisors = [Double](repeating: 1, count: width)
        let rows = max(train.count, 1)
        for feature in 0..<width {
            let column = (0..<train.count).map { Double(train.features[$0 * width + feature]) }
            switch normalization {
            case .standardize:
                let mean = column.reduce(0, +) / Double(rows)
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
                shifts[feature] = mean
                divisors[feature] = variance > 0 ? variance.squareRoot() : 1
            case .scale:
                let low = column.min() ?? 0, high = column.max() ?? 0
                shifts[feature] = low
                divisors[feature] = high > low ? high - low : 1
            }
        }
        self.shifts = shifts
        self.divisors = divisors
    }

    /// `dataset` with every feature mapped; targets are left as they are.
    public func apply(to dataset: Dataset) -> Dataset {
        var result = dataset
        let width = dataset.featureCount
        guard width == shifts.count else { return result }
        for index in result.features.indices {
            let feature = index % width
            result.features[index] = Float((Double(result.features[index]) - shifts[feature]) / divisors[feature])
        }
        return result
    }
}
