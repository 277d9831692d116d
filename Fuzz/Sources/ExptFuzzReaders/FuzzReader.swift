import ExptData
import ExptManifest
import ExptStore

/// The readers of files expt did not write itself, each fuzzed on its own: any result is
/// fine — the data or an error — as long as reading returns; a crash, a trap, a leak, a hang
/// or an allocation past libFuzzer's `-rss_limit_mb` is what the fuzzer looks for.
enum FuzzReader: String, CaseIterable {
    /// An IDX images file and its labels file, plain or gzip (`IDXInput`).
    case idx
    /// One CIFAR-10 batch file: the input as it is.
    case cifar10
    /// A CSV file: the first byte chooses the target (`CSVInput`), the rest is the file.
    case csv
    /// A stored run's status.json, config.json and metrics.csv (`StoredRunInput`).
    case store
    /// A weights file (.npz, `NumpyArchive`): the input as it is.
    case npz

    /// The reader that `fuzzReader` runs, chosen once by main.swift before fuzzing starts.
    nonisolated(unsafe) static var selected = FuzzReader.idx

    func read(_ input: [UInt8]) {
        switch self {
        case .idx: IDXInput(input).read()
        case .cifar10: CIFAR10Input(input).read()
        case .csv: CSVInput(input).read()
        case .store: StoredRunInput(input).read()
        case .npz: _ = try? NumpyArchive.decode(input, file: "fuzz.npz")
        }
    }
}

/// libFuzzer's entry point: hands the input to the selected reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzReader.selected.read(Array(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count)))
    return 0
}
