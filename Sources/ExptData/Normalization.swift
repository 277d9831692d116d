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
        self.init(normalization, fittedOn: train, rows: Array(0..<train.count), valueRange: valueRange)
    }

    /// Fits `normalization` on the features of the rows `rows` of `examples`, read in that
    /// order; otherwise as ``init(_:fittedOn:valueRange:)``.
    ///
    /// Each feature's sums run over the rows in their order, so the statistics are those of
    /// the same rows copied out into a dataset of their own, bit for bit.
    public init(_ normalization: Normalization, fittedOn examples: Dataset, rows: [Int], valueRange: ClosedRange<Double>? = nil) {
        let width = examples.featureCount
        if normalization == .scale, let valueRange {
            shifts = Array(repeating: valueRange.lowerBound, count: width)
            divisors = Array(repeating: valueRange.upperBound > valueRange.lowerBound ? valueRange.upperBound - valueRange.lowerBound : 1,
                             count: width)
            return
        }
        let statistics = FeatureStatistics(examples, rows: rows)
        switch normalization {
        case .standardize:
            let means = statistics.means
            shifts = means
            divisors = statistics.variances(around: means).map { $0 > 0 ? $0.squareRoot() : 1 }
        case .scale:
            let minimums = statistics.minimums
            shifts = minimums
            divisors = zip(minimums, statistics.maximums).map { low, high in high > low ? high - low : 1 }
        }
    }

    /// `dataset` with every feature mapped; targets are left as they are.
    public func apply(to dataset: Dataset) -> Dataset {
        var result = dataset
        apply(inPlace: &result)
        return result
    }

    /// Maps every feature of `dataset` where it is, without a copy of its values (when nothing
    /// else shares them); targets are left as they are.
    public func apply(inPlace dataset: inout Dataset) {
        let width = dataset.featureCount
        guard width == shifts.count else { return }
        dataset.features.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                let feature = index % width
                values[index] = Float((Double(values[index]) - shifts[feature]) / divisors[feature])
            }
        }
    }
}
