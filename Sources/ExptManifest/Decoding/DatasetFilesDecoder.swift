import ExptData

/// Reads the settings of the datasets read from files (`idx`, `cifar10`, `csv`, `text`), next to
/// `dataset` in `data`. Paths are relative to the manifest's folder; each decoded path keeps
/// the value it was written at, where problems of its file are reported.
///
/// ```yaml
/// data: {dataset: idx, images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz,
///        test_images: t10k-images-idx3-ubyte.gz, test_labels: t10k-labels-idx1-ubyte.gz, classes: 10}
/// data: {dataset: cifar10, files: [data_batch_1.bin, data_batch_2.bin], test_files: [test_batch.bin]}
/// data: {dataset: csv, path: iris.csv, header: true, label: species}   # or label: 4, or targets: [y]
/// data: {dataset: text, path: corpus.txt, context: 64}
/// ```
struct DatasetFilesDecoder {
    let decoder: ManifestDecoder
    let fields: ManifestDecoder.Fields
    /// The kinds whose settings name files and columns, which this decoder reads (their
    /// tables describe them for the docs).
    private static let kinds: [any DatasetKind.Type] = [IDXSettings.self, CIFAR10Settings.self, CSVSettings.self,
                                                                  TextSettings.self]
    /// The value each file's path is written at, by path.
    private(set) var pathTrees: [String: Tree] = [:]

    init(decoder: ManifestDecoder, fields: ManifestDecoder.Fields) {
        self.decoder = decoder
        self.fields = fields
    }

    /// Whether this decoder reads `kind`'s settings, rather than its table.
    func readsOwnSettings(_ kind: any DatasetKind.Type) -> Bool {
        Self.kinds.contains { ObjectIdentifier($0) == ObjectIdentifier(kind) }
    }

    /// The dataset of `kind`, one of `kinds`, or nil after reporting its problems.
    mutating func read(_ kind: any DatasetKind.Type) -> DatasetConfig? {
        switch kind {
        case is IDXSettings.Type: idx()
        case is CIFAR10Settings.Type: cifar10()
        case is TextSettings.Type: text()
        default: csv()
        }
    }

    private mutating func idx() -> DatasetConfig? {
        let start = decoder.errorCount
        let images = fields.required("images").flatMap { file($0) }
        let labels = fields.required("labels").flatMap { file($0) }
        let testImagesTree = fields.optional("test_images"), testLabelsTree = fields.optional("test_labels")
        let testImages = testImagesTree.flatMap { file($0) }
        let testLabels = testLabelsTree.flatMap { file($0) }
        if let testImagesTree, testLabelsTree == nil {
            decoder.error(testImagesTree, "test_images needs test_labels beside it")
        } else if let testLabelsTree, testImagesTree == nil {
            decoder.error(testLabelsTree, "test_labels needs test_images beside it")
        }
        let classes = fields.optional("classes").map { decoder.integer($0, 2...ManifestDecoder.maximumClasses) } ?? IDXSettings().classes
        guard decoder.errorCount == start, let images, let labels, let classes else { return nil }
        return DatasetConfig(IDXSettings(images: images, labels: labels, testImages: testImages, testLabels: testLabels, classes: classes))
    }

    private mutating func cifar10() -> DatasetConfig? {
        let files = fields.required("files").flatMap { fileList($0) }
        let testFiles = fields.optional("test_files").map { fileList($0) } ?? []
        guard let files, let testFiles else { return nil }
        return DatasetConfig(CIFAR10Settings(files: files, testFiles: testFiles))
    }

    private mutating func csv() -> DatasetConfig? {
        let path = fields.required("path").flatMap { file($0) }
        let header = fields.optional("header").map { decoder.bool($0) } ?? CSVSettings().header
        let labelTree = fields.optional("label"), targetsTree = fields.optional("targets")
        var target: CSVTarget?
        switch (labelTree, targetsTree) {
        case (let label?, nil):
            target = column(label, header: header).map(CSVTarget.label)
        case (nil, let targets?):
            let columns = (targets.items ?? [targets]).map { column($0, header: header) }
            if targets.items?.isEmpty == true {
                decoder.error(targets, "expected at least one target column, found an empty sequence")
            } else if columns.allSatisfy({ $0 != nil }) {
                target = .values(columns.compactMap { $0 })
            }
        case (_?, let targets?):
            decoder.error(targets, "expected either label (classification) or targets (regression), found both")
        case (nil, nil):
            decoder.error(fields.tree, "missing required key \"label\" (or \"targets\" for regression)")
        }
        guard let path, let header, let target else { return nil }
        return DatasetConfig(CSVSettings(file: path, header: header, target: target))
    }

    private mutating func text() -> DatasetConfig? {
        let path = fields.required("path").flatMap { file($0) }
        let context = fields.optional("context").map { decoder.integer($0, 1...DatasetLimits.maximumFeatures) } ?? TextSettings().context
        guard let path, let context else { return nil }
        return DatasetConfig(TextSettings(file: path, context: context))
    }

    /// A path: a non-empty string, resolved against the manifest's folder.
    private mutating func file(_ tree: Tree) -> DataFile? {
        guard case .string(let path)? = tree.scalar?.value, !path.isEmpty else {
            decoder.error(tree, "expected a file path, found \(tree.found)")
            return nil
        }
        pathTrees[path] = pathTrees[path] ?? tree
        return DataFile(path: path, manifestPath: decoder.path)
    }

    /// One path or a non-empty sequence of them.
    private mutating func fileList(_ tree: Tree) -> [DataFile]? {
        let items = tree.items ?? [tree]
        guard !items.isEmpty else {
            decoder.error(tree, "expected at least one file path, found an empty sequence")
            return nil
        }
        let files = items.map { file($0) }
        return files.allSatisfy { $0 != nil } ? files.compactMap { $0 } : nil
    }

    /// A column: its header name (needs `header: true`) or its 0-based index.
    private func column(_ tree: Tree, header: Bool?) -> CSVColumn? {
        switch tree.scalar?.value {
        case .int(let index) where index >= 0:
            return .index(index)
        case .string(let name) where !name.isEmpty:
            guard header != false else {
                decoder.error(tree, "a column name needs header: true; give the column's 0-based index instead")
                return nil
            }
            return .name(name)
        default:
            decoder.error(tree, "expected a column name or a non-negative column index, found \(tree.found)")
            return nil
        }
    }
}
