import ExptData

/// An IDX input: 2 bytes (big-endian) giving the length n of the labels file, the n bytes of
/// the labels file, then the images file; each may be gzip. Both are inspected, then loaded.
struct IDXInput {
    let labels: ArraySlice<UInt8>
    let images: ArraySlice<UInt8>

    init(_ input: [UInt8]) {
        let length = input.count >= 2 ? Int(input[0]) << 8 | Int(input[1]) : 0
        let rest = input.dropFirst(2)
        labels = rest.prefix(length)
        images = rest.dropFirst(length)
    }

    func read() {
        let settings = IDXSettings(images: ScratchFolder.write(images, "images.idx"), labels: ScratchFolder.write(labels, "labels.idx"))
        DatasetInput.read(DatasetConfig(settings))
    }
}

/// A CIFAR-10 input: one batch file, the input as it is.
struct CIFAR10Input {
    let file: [UInt8]

    init(_ input: [UInt8]) { file = input }

    func read() {
        DatasetInput.read(DatasetConfig(CIFAR10Settings(files: [ScratchFolder.write(file, "batch.bin")])))
    }
}

/// A CSV input: the first byte modulo 3 chooses the target (the label in column 0 without a
/// header, the label in the column named `label`, or regression on column 0), the rest is
/// the file.
struct CSVInput {
    let choice: UInt8
    let file: ArraySlice<UInt8>

    init(_ input: [UInt8]) {
        choice = input.first ?? 0
        file = input.dropFirst()
    }

    func read() {
        let path = ScratchFolder.write(file, "table.csv")
        let settings = switch choice % 3 {
        case 0: CSVSettings(file: path, header: false, target: .label(.index(0)))
        case 1: CSVSettings(file: path, header: true, target: .label(.name("label")))
        default: CSVSettings(file: path, header: true, target: .values([.index(0)]))
        }
        DatasetInput.read(DatasetConfig(settings))
    }
}

/// What every data input does with its dataset: inspect it, then load it, as `expt validate`
/// then `expt run` do.
enum DatasetInput {
    static func read(_ config: DatasetConfig) {
        _ = try? config.inspect()
        _ = try? config.load(seed: 0)
    }
}
