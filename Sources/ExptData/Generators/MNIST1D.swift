/// MNIST-1D, generated exactly as `mnist1d.data.make_dataset` does (package version
/// 0.0.2.post1, with numpy's legacy `RandomState` and scipy's `gaussian_filter` and
/// `interp1d`): for each digit in order, `samples / 10` examples, each its template
///
/// 1. plus 1e-8, padded with p zeros, p = low + int(rand() * (high − low + 1));
/// 2. resampled linearly to `templateLength + padding.upperBound` points;
/// 3. scaled by 1 + scaleCoefficient · (rand() − 0.5);
/// 4. rotated right by k = randint(maxTranslation) points;
/// 5. where it is exactly zero, replaced by `gaussian_filter(correlatedNoiseScale · randn(n), 2)`;
/// 6. plus iidNoiseScale · randn(n) everywhere;
/// 7. minus c · linspace(−0.5, 0.5, n), c = shearScale · (rand() − 0.5);
/// 8. resampled linearly to `finalLength` points.
///
/// The examples are then shuffled by `permutation(count)`, their points by
/// `permutation(finalLength)` when `shuffleSequence` is set, and all values standardised
/// together by the mean and standard deviation of the whole array. The first
/// `int(count · trainSplit)` examples are the train split, the rest the test split.
struct MNIST1DGenerator {
    let settings: MNIST1DSettings

    /// The two splits as float64 rows, and their labels.
    struct Splits {
        var train: [[Double]]
        var trainLabels: [Int]
        var test: [[Double]]
        var testLabels: [Int]
    }

    /// The twelve-point digit templates: each row centred, divided by its standard deviation,
    /// shifted to start at 0, and divided by 6.
    static let templates: [[Double]] = {
        let digits: [[Double]] = [
            [5, 6, 6.5, 6.75, 7, 7, 7, 7, 6.75, 6.5, 6, 5],
            [5, 3, 3, 3.4, 3.8, 4.2, 4.6, 5, 5.4, 5.8, 5, 5],
            [5, 6, 6.5, 6.5, 6, 5.25, 4.75, 4, 3.5, 3.5, 4, 5],
            [5, 6, 6.5, 6.5, 6, 5, 5, 6, 6.5, 6.5, 6, 5],
            [5, 4.4, 3.8, 3.2, 2.6, 2.6, 5, 5, 5, 5, 5, 5],
            [5, 3, 3, 3, 3, 5, 6, 6.5, 6.5, 6, 4.5, 5],
            [5, 4, 3.5, 3.25, 3, 3, 3, 3, 3.25, 3.5, 4, 5],
            [5, 7, 7, 6.6, 6.2, 5.8, 5.4, 5, 4.6, 4.2, 5, 5],
            [5, 4, 3.5, 3.5, 4, 5, 5, 4, 3.5, 3.5, 4, 5],
            [5, 4, 3.5, 3.5, 4, 5, 5, 5, 5, 4.7, 4.3, 5],
        ]
        return digits.map { digit in
            let count = Double(digit.count)
            let mean = NumpyFunctions.pairwiseSum(digit) / count
            let centred = digit.map { $0 - mean }
            // `std` takes its own mean of the centred row, which is not exactly 0.
            let centredMean = NumpyFunctions.pairwiseSum(centred) / count
            let squares = centred.map { ($0 - centredMean) * ($0 - centredMean) }
            let deviation = (NumpyFunctions.pairwiseSum(squares) / count).squareRoot()
            let scaled = centred.map { $0 / deviation }
            return scaled.map { ($0 - scaled[0]) / 6 }
        }
    }()

    func generate(seed: UInt32) -> Splits {
        var random = LegacyRandomState(seed: seed)
        let perClass = max(settings.samples, 0) / MNIST1DSettings.classCount
        var rows: [[Double]] = []
        var labels: [Int] = []
        rows.reserveCapacity(perClass * MNIST1DSettings.classCount)
        for (label, template) in Self.templates.enumerated() {
            for _ in 0..<perClass {
                rows.append(transform(template, &random))
                labels.append(label)
            }
        }
        let order = random.permutation(rows.count)
        rows = order.map { rows[$0] }
        labels = order.map { labels[$0] }
        if settings.shuffleSequence {
            let points = random.permutation(settings.finalLength)
            rows = rows.map { row in points.map { row[$0] } }
        }
        let (mean, deviation) = NumpyFunctions.meanAndStandardDeviation(rows.flatMap { $0 })
        rows = rows.map { row in row.map { ($0 - mean) / deviation } }
        let trainCount = Int(Double(rows.count) * settings.trainSplit)
        return Splits(train: Array(rows[..<trainCount]), trainLabels: Array(labels[..<trainCount]),
                      test: Array(rows[trainCount...]), testLabels: Array(labels[trainCount...]))
    }

    /// One example from its template: steps 1 to 8 above, drawing in the package's order.
    private func transform(_ template: [Double], _ random: inout LegacyRandomState) -> [Double] {
        let low = settings.padding.lowerBound, high = settings.padding.upperBound
        let padding = low + Int(random.rand() * Double(high - low + 1))
        var x = template.map { $0 + 1e-8 } + [Double](repeating: 0, count: padding)
        x = NumpyFunctions.resample(x, to: settings.templateLength + high)
        let scale = 1 + settings.scaleCoefficient * (random.rand() - 0.5)
        x = x.map { $0 * scale }
        let shift = random.randint(below: settings.maxTranslation)
        let n = x.count
        x = (0..<n).map { x[(($0 - shift) % n + n) % n] }

        let noise = random.randn(n).map { settings.correlatedNoiseScale * $0 }
        let smoothed = NumpyFunctions.gaussianFilter(noise, sigma: 2)
        x = (0..<n).map { x[$0] != 0 ? x[$0] : smoothed[$0] }
        let iid = random.randn(n)
        x = (0..<n).map { x[$0] + settings.iidNoiseScale * iid[$0] }

        let shear = settings.shearScale * (random.rand() - 0.5)
        let ramp = NumpyFunctions.linspace(-0.5, 0.5, n)
        x = (0..<n).map { x[$0] - shear * ramp[$0] }
        return NumpyFunctions.resample(x, to: settings.finalLength)
    }
}
