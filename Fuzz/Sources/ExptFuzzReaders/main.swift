import CFuzzerDriver
import Glibc

// `ExptFuzzReaders <reader> [libFuzzer options]`: the first argument names the reader to
// fuzz (see FuzzReader), the rest goes to libFuzzer's driver, as in ExptFuzzManifest.
let names = FuzzReader.allCases.map(\.rawValue).joined(separator: ", ")
guard CommandLine.arguments.count >= 2, let reader = FuzzReader(rawValue: CommandLine.arguments[1]) else {
    let usage = "usage: ExptFuzzReaders <reader> [libFuzzer options]; readers: \(names)\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
FuzzReader.selected = reader
var arguments = CommandLine.arguments
arguments.remove(at: 1)
var argc = CInt(arguments.count)
var storage = arguments.map { strdup($0) } + [nil]
storage.withUnsafeMutableBufferPointer { buffer in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzReader))
}
