import ExptConfig

/// Images and labels in IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST; plain or gzip): an
/// images file of 3 dimensions (count, height, width) and a labels file of 1 (count), and
/// optionally a test pair. Each example is the image `[1, height, width]` of its pixel bytes
/// (0 to 255, as floats), its target the label.
public struct IDXSettings: DatasetKind {
    public static let name = "idx"
    public static let summary = "Images and labels in IDX files (MNIST and its kin), plain or gzip."
    public static var settings: [Hyperparameter<Self>] {
        [.file("images", \.images, required: true, "IDX file of the training images (count, height, width)."),
         .file("labels", \.labels, required: true, "IDX file of their labels."),
         .file("test_images", \.testImages, required: false, "IDX file of the dataset's own test images; needs test_labels."),
         .file("test_labels", \.testLabels, required: false, "IDX file of their labels; needs test_images."),
         .classes(\.classes, "Every label must be below it.")]
    }

    /// The training images and labels; nil only before a manifest names them.
    public var images: DataFile?
    public var labels: DataFile?
    /// The test images and labels (both or neither): the dataset's own test set.
    public var testImages: DataFile?
    public var testLabels: DataFile?
    /// The number of classes; every label must be below it. Default 10 (EMNIST's splits have
    /// more: letters 27, as its labels run from 1 to 26, balanced 47, byclass 62).
    public var classes = 10

    public init() {}

    public init(images: DataFile, labels: DataFile, testImages: DataFile? = nil, testLabels: DataFile? = nil,
                classes: Int = 10) {
        self.images = images
        self.labels = labels
        self.testImages = testImages
        self.testLabels = testLabels
        self.classes = classes
    }

    public var classCount: Int? { classes }
    public var inputShape: [Int]? { nil }
    public var hasOwnTestSet: Bool { testImages != nil }
    public var valueRange: ClosedRange<Double>? { 0...255 }
    public var dataFiles: [DataFile] { [images, labels, testImages, testLabels].compactMap { $0 } }

    public func load(seed: UInt64) throws(DataFileError) -> LoadedData {
        try load()
    }

    /// The image shape from the headers alone.
    public func inspect() throws(DataFileError) -> DataFileSummary? {
        DataFileSummary(featureShape: try imageShape(), classes: classes, targets: 1)
    }

    /// The training images and labels files.
    private func trainingFiles() throws(DataFileError) -> (images: DataFile, labels: DataFile) {
        guard let images, let labels else {
            throw DataFileError(path: (images ?? labels)?.path ?? "", location: .file, message: "expected an images file and a labels file, found none")
        }
        return (images, labels)
    }

    /// The headers of an images file and its labels file.
    private typealias Headers = (images: IDXFile, labels: IDXFile)

    /// The training pair as `examples`, the test pair as `test`. The headers are checked (and
    /// the memory budget) before the values are read.
    func load() throws(DataFileError) -> LoadedData {
        let (images, labels) = try trainingFiles()
        let (train, test) = try checkedHeaders()
        let examples = try Self.dataset(train, images: images, labels: labels, classes: classes)
        guard let test, let testImages, let testLabels else { return LoadedData(examples: examples) }
        let testSet = try Self.dataset(test, images: testImages, labels: testLabels, classes: classes)
        guard testSet.featureShape == examples.featureShape else {
            let (train, other) = (examples.featureShape, testSet.featureShape)
            throw DataFileError(path: testImages.path, location: .byte(8),
                                message: "expected images of \(train[1]) x \(train[2]) pixels as in \(images.path), found \(other[1]) x \(other[2])")
        }
        return LoadedData(examples: examples, test: testSet)
    }

    /// The shape of one example, from the headers alone; checks that every file exists, has a
    /// valid header, that labels and images agree in number, and that the examples the headers
    /// announce fit the memory budget.
    func imageShape() throws(DataFileError) -> [Int] {
        let images = try checkedHeaders().train.images
        return [1, images.dimensions[1], images.dimensions[2]]
    }

    private func checkedHeaders() throws(DataFileError) -> (train: Headers, test: Headers?) {
        let (images, labels) = try trainingFiles()
        let train = try Self.headers(images: images, labels: labels)
        var test: Headers?
        if let testImages, let testLabels {
            test = try Self.headers(images: testImages, labels: testLabels)
        }
        try checkBudget(train: train, test: test)
        return (train, test)
    }

    /// Throws unless the images and labels the headers announce, as 32-bit floats, fit the
    /// memory budget: n·(h·w + 1)·4 bytes for n images of h x w pixels, test set included.
    private func checkBudget(train: Headers, test: Headers?) throws(DataFileError) {
        let images = try trainingFiles().images
        var sets = [(headers: train, file: images, isTest: false)]
        if let test, let testImages { sets.append((test, testImages, true)) }
        var total = 0
        for (headers, file, isTest) in sets {
            let dimensions = headers.images.dimensions
            let needed = MemoryBudget.bytes(examples: dimensions[0], values: [dimensions[1] * dimensions[2], 1])
            let sum = needed.flatMap { needed in
                let (sum, overflow) = total.addingReportingOverflow(needed)
                return overflow ? nil : sum
            }
            guard let sum, sum <= MemoryBudget.bytes else {
                let counted = isTest ? "with their labels and the training set" : "with their labels"
                let found = "\(dimensions[0]) images of \(dimensions[1]) x \(dimensions[2]) pixels"
                throw DataFileError(path: file.path, location: .byte(4),
                                    message: "expected images that fit in memory, found \(found); \(counted) they need \(MemoryBudget.exceeded(sum))")
            }
            total = sum
        }
    }

    private static func headers(images: DataFile, labels: DataFile) throws(DataFileError) -> Headers {
        let imageHeader = try IDXFile(FileBytes.head(of: images, count: IDXFile.headerSize(rank: 3)), rank: 3, file: images, complete: false)
        let labelHeader = try IDXFile(FileBytes.head(of: labels, count: IDXFile.headerSize(rank: 1)), rank: 1, file: labels, complete: false)
        try checkCounts(images: imageHeader, labels: labelHeader, imagesFile: images, labelsFile: labels)
        return (imageHeader, labelHeader)
    }

    private static func checkCounts(images: IDXFile, labels: IDXFile, imagesFile: DataFile, labelsFile: DataFile) throws(DataFileError) {
        guard labels.dimensions[0] != images.dimensions[0] else { return }
        throw DataFileError(path: labelsFile.path, location: .byte(4),
                            message: "expected \(images.dimensions[0]) labels, one per image of \(imagesFile.path), found \(labels.dimensions[0])")
    }

    /// The whole file whose header is `header`: the header, the values it announces, and one
    /// byte more if there is one (which `IDXFile` then refuses).
    private static func contents(_ file: DataFile, header: IDXFile) throws(DataFileError) -> IDXFile {
        let rank = header.dimensions.count
        let size = IDXFile.headerSize(rank: rank) + header.dimensions.reduce(1, *) + 1
        return try IDXFile(FileBytes.head(of: file, count: size), rank: rank, file: file)
    }

    private static func dataset(_ headers: Headers, images: DataFile, labels: DataFile, classes: Int) throws(DataFileError) -> Dataset {
        let imageFile = try contents(images, header: headers.images)
        let labelFile = try contents(labels, header: headers.labels)
        try checkCounts(images: imageFile, labels: labelFile, imagesFile: images, labelsFile: labels)
        var targets: [Float] = []
        targets.reserveCapacity(labelFile.values.count)
        for (offset, label) in zip(labelFile.values.indices, labelFile.values) {
            guard Int(label) < classes else {
                throw DataFileError(path: labels.path, location: .byte(offset),
                                    message: "expected a label from 0 to \(classes - 1) (classes: \(classes)), found \(label)")
            }
            targets.append(Float(label))
        }
        let (count, height, width) = (imageFile.dimensions[0], imageFile.dimensions[1], imageFile.dimensions[2])
        return Dataset(count: count, featureCount: height * width, featureShape: [1, height, width],
                       features: imageFile.values.map(Float.init), targetCount: 1, targets: targets, classCount: classes)
    }
}
