import ExptData

/// The datasets: generated, read from files, and the 2D test functions, with the `data` keys
/// every dataset but a function takes.
extension ManifestSchema {
    public static let datasets = SchemaSection(
        name: "datasets", usage: "data: {dataset: NAME, KEY: VALUE, …}",
        names: [spirals, blobs, moons, circles, xor, linear, polynomial, mnist1d, idx, cifar10, csv]
            + TestFunction.allCases.map(function),
        shared: [everyDataset])

    private static let samples = SettingKind.integer(1...ManifestDecoder.maximumSamples)
    private static let classes = SettingKind.integer(2...ManifestDecoder.maximumClasses)
    private static let features = SettingKind.integer(1...ManifestDecoder.maximumFeatures)
    private static let path = SettingKind.described("path")
    private static let paths = SettingKind.described("path, or sequence of paths")

    private static let spirals: NameSchema = {
        let d = SpiralsSettings()
        return NameSchema("spirals", "Interleaved spiral arms in the plane, one per class (2 inputs).", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples, split evenly between the arms."),
            SettingSchema("classes", classes, .integer(d.classes), "Arms (classes)."),
            noise(d.noise),
            SettingSchema("turns", .number(.positive), .number(d.turns), "Full turns of each arm around the centre."),
        ])
    }()

    private static let blobs: NameSchema = {
        let d = BlobsSettings()
        return NameSchema("blobs", "Isotropic Gaussian clusters, one per class.", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples, split evenly between the clusters."),
            SettingSchema("classes", classes, .integer(d.classes), "Clusters (classes)."),
            SettingSchema("features", features, .integer(d.features), "Dimension of each example."),
            SettingSchema("noise", .number(.nonNegative), .number(d.noise), "Standard deviation of each cluster around its centre."),
            SettingSchema("spread", .number(.positive), .number(d.spread), "Centres lie in [-spread, spread] in every dimension."),
        ])
    }()

    private static let moons: NameSchema = {
        let d = MoonsSettings()
        return NameSchema("moons", "Two interleaving half circles, as scikit-learn's make_moons (2 inputs).", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples, half per class."),
            noise(d.noise),
        ])
    }()

    private static let circles: NameSchema = {
        let d = CirclesSettings()
        return NameSchema("circles", "Two concentric circles, as scikit-learn's make_circles (2 inputs).", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples, half per circle."),
            noise(d.noise),
            SettingSchema("factor", .number(.openUnit), .number(d.factor), "Radius of the inner circle (the outer has radius 1)."),
        ])
    }()

    private static let xor: NameSchema = {
        let d = XORSettings()
        return NameSchema("xor", "Class 1 where exactly one coordinate is negative (2 inputs).", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples, half per class."),
            noise(d.noise),
        ])
    }()

    private static let linear: NameSchema = {
        let d = LinearSettings()
        return NameSchema("linear", "Regression: y = x W + noise, with standard normal x and W.", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples."),
            SettingSchema("features", features, .integer(d.features), "Inputs per example."),
            SettingSchema("targets", features, .integer(d.targets), "Outputs per example."),
            SettingSchema("noise", .number(.nonNegative), .number(d.noise), "Standard deviation of the noise on each target."),
        ])
    }()

    private static let polynomial: NameSchema = {
        let d = PolynomialSettings()
        return NameSchema("polynomial", "Regression: a random polynomial of x in [-1, 1), plus noise.", [
            SettingSchema("samples", samples, .integer(d.samples), "Examples."),
            SettingSchema("degree", .integer(0...20), .integer(d.degree), "Degree of the polynomial."),
            SettingSchema("noise", .number(.nonNegative), .number(d.noise), "Standard deviation of the noise on the target."),
        ])
    }()

    private static let mnist1d: NameSchema = {
        let d = MNIST1DSettings()
        let length = SettingKind.integer(2...10_000)
        return NameSchema("mnist1d", "MNIST-1D (Greydanus, 2020), as the mnist1d package makes it; its own test set.", [
            SettingSchema("samples", .integer(10...ManifestDecoder.maximumSamples), .integer(d.samples),
                          "The package's num_samples; each digit gets samples / 10."),
            SettingSchema("train_split", .number(.openUnit), .number(d.trainSplit),
                          "Share of the examples in the package's train split; the rest is the test set."),
            SettingSchema("template_len", length, .integer(d.templateLength),
                          "With padding's upper end, the length the padded template is resampled to."),
            SettingSchema("padding", .described("[low, high], integers 0 to 10000, low ≤ high"),
                          .value("[\(d.padding.lowerBound), \(d.padding.upperBound)]"),
                          "Zeros appended to each template, drawn from low to high."),
            SettingSchema("scale_coeff", .number(.nonNegative), .number(d.scaleCoefficient), "Random scaling by 1 ± scale_coeff/2."),
            SettingSchema("max_translation", .integer(1...10_000), .integer(d.maxTranslation),
                          "Random rotation by 0 to max_translation − 1 points."),
            SettingSchema("corr_noise_scale", .number(.nonNegative), .number(d.correlatedNoiseScale),
                          "Smoothed noise where the signal is zero."),
            SettingSchema("iid_noise_scale", .number(.nonNegative), .number(d.iidNoiseScale), "Independent noise on every point."),
            SettingSchema("shear_scale", .number(.nonNegative), .number(d.shearScale), "Random linear ramp subtracted."),
            SettingSchema("shuffle_seq", .flag, .flag(d.shuffleSequence), "Permute the points of every example (the same way)."),
            SettingSchema("final_seq_length", .integer(2...ManifestDecoder.maximumFeatures), .integer(d.finalLength),
                          "Points of each example."),
        ])
    }()

    private static let idx = NameSchema("idx", "Images and labels in IDX files (MNIST and its kin), plain or gzip.", [
        SettingSchema("images", path, .required, "IDX file of the training images (count, height, width)."),
        SettingSchema("labels", path, .required, "IDX file of their labels."),
        SettingSchema("test_images", path, .described("none"), "IDX file of the dataset's own test images; needs test_labels."),
        SettingSchema("test_labels", path, .described("none"), "IDX file of their labels; needs test_images."),
        SettingSchema("classes", classes, .integer(DatasetFilesDecoder.defaultIDXClasses), "Every label must be below it."),
    ])

    private static let cifar10 = NameSchema("cifar10", "CIFAR-10 binary batches: 32x32 colour images, 10 classes.", [
        SettingSchema("files", paths, .required, "Batches to train on, read in order."),
        SettingSchema("test_files", paths, .described("none"), "Batches of the dataset's own test set."),
    ])

    private static let csv = NameSchema("csv", "A CSV file: a label (classification) or targets (regression), the rest inputs.", [
        SettingSchema("path", path, .required, "The CSV file."),
        SettingSchema("header", .flag, .flag(DatasetFilesDecoder.defaultHeader), "Whether the first row names the columns."),
        SettingSchema("label", .described("column name, or 0-based column index"), .described("one of label and targets"),
                      "The class label column."),
        SettingSchema("targets", .described("column, or sequence of columns"), .described("one of label and targets"),
                      "The regression target columns (the loss must be mse)."),
    ])

    /// A 2D test function: the optimizer moves one point; `train` takes only `steps`.
    private static func function(_ function: TestFunction) -> NameSchema {
        let start = function.defaultStart
        var settings = [SettingSchema("start", .described("[x, y], two numbers"), .pair(start.x, start.y),
                                      "Where the optimizer starts.")]
        if function == .quadratic {
            settings.append(SettingSchema("condition_number", .number(.atLeastOne), .number(FunctionSettings.defaultConditionNumber),
                                          "κ in ½ (x² + κ y²)."))
        }
        return NameSchema(function.rawValue, "2D test function \(function.formula) (no model; train: {steps: N}).", settings)
    }

    private static let everyDataset = NameSchema("(every dataset)", "Keys of data beside dataset (not for a test function).", [
        SettingSchema("validation", .number(.halfOpenUnit), .number(DataConfig.defaultValidation),
                      "Fraction of the examples held out for validation; 0 for no validation set."),
        SettingSchema("test", .number(.halfOpenUnit), .number(DataConfig.defaultTest),
                      "Fraction held out as a test set, measured once on the final model."),
        SettingSchema("normalize", .choice(of: Normalization.self), .described("none"),
                      "Rescale every feature with statistics of the training part."),
        SettingSchema("seed", .described("integer 0 to \(UInt64.max)"),
                      .described("0 (\(MNIST1DSettings.defaultSeed) for mnist1d)"), "Seed of the dataset's generation and split."),
    ])

    private static func noise(_ value: Double) -> SettingSchema {
        SettingSchema("noise", .number(.nonNegative), .number(value), "Standard deviation of the Gaussian noise on each coordinate.")
    }
}

extension TestFunction {
    /// f(x, y), for listings.
    var formula: String {
        switch self {
        case .rosenbrock: "(1 − x)² + 100 (y − x²)²"
        case .beale: "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
        case .himmelblau: "(x² + y − 11)² + (x + y² − 7)²"
        case .quadratic: "½ (x² + κ y²)"
        case .saddle: "x² − y²"
        }
    }
}
