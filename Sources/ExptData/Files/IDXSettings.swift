/// Images and labels in IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST; plain or gzip): an
/// images file of 3 dimensions (count, height, width) and a labels file of 1 (count), and
/// optionally a test pair. Each example is the image `[1, height, width]` of its pixel bytes
/// (0 to 255, as floats), its target the label.
public struct IDXSettings: Sendable, Hashable, Codable {
    public var images: DataFile
    public var labels: DataFile
    /// The test images and labels (both or neither): the dataset's own test set.
    public var testImages: DataFile?
    public var testLabels: DataFile?
    /// The number of classes; every label must be below it. Default 10 (EMNIST's splits have
    /// more: letters 27, as its labels run from 1 to 26, balanced 47, byclass 62).
    public var classes: Int

    public init(images: DataFile, labels: DataFile, testImages: DataFile? = nil, testLabels: DataFile? = nil,
                classes: Int = 10) {
        self.images = images
        self.labels = labels
        self.testImages = testImages
        self.testLabels = testLabels
        self.classes = classes
    }

    /// The training pair as `examples`, the test pair as `test`.
    func load() throws(DataFileError) -> LoadedData {
        let examples = try Self.dataset(images: images, labels: labels, classes: classes)
        guard let testImages, let testLabels else { return LoadedData(examples: examples) }
        let test = try Self.dataset(images: testImages, labels: testLabels, classes: classes)
        guard test.featureShape == examples.featureShape else {
            let (train, other) = (examples.featureShape, test.featureShape)
            throw DataFileError(path: testImages.path, location: .byte(8),
                                message: "expected images of \(train[1]) x \(train[2]) pixels as in \(images.path), found \(other[1]) x \(other[2])")
        }
        return LoadedData(examples: examples, test: test)
    }

    /// The shape of one example, from the headers alone; checks that every file exists, has a
    /// valid header, and that labels and images agree in number.
    func inspect() throws(DataFileError) -> [Int] {
        let shape = try Self.headers(images: images, labels: labels)
        if let testImages, let testLabels {
            _ = try Self.headers(images: testImages, labels: testLabels)
        }
        return shape
    }

    private static func headers(images: DataFile, labels: DataFile) throws(DataFileError) -> [Int] {
        let imageHeader = try IDXFile(FileBytes.head(of: images, count: IDXFile.headerSize(rank: 3)), rank: 3, file: images, complete: false)
        let labelHeader = try IDXFile(FileBytes.head(of: labels, count: IDXFile.headerSize(rank: 1)), rank: 1, file: labels, complete: false)
        try checkCounts(images: imageHeader, labels: labelHeader, imagesFile: images, labelsFile: labels)
        return [1, imageHeader.dimensions[1], imageHeader.dimensions[2]]
    }

    private static func checkCounts(images: IDXFile, labels: IDXFile, imagesFile: DataFile, labelsFile: DataFile) throws(DataFileError) {
        guard labels.dimensions[0] != images.dimensions[0] else { return }
        throw DataFileError(path: labelsFile.path, location: .byte(4),
                            message: "expected \(images.dimensions[0]) labels, one per image of \(imagesFile.path), found \(labels.dimensions[0])")
    }

    private static func dataset(images: DataFile, labels: DataFile, classes: Int) throws(DataFileError) -> Dataset {
        let imageFile = try IDXFile(FileBytes.contents(of: images), rank: 3, file: images)
        let labelFile = try IDXFile(FileBytes.contents(of: labels), rank: 1, file: labels)
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
