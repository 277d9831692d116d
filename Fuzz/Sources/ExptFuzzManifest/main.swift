import CFuzzerDriver
import Glibc

// SwiftPM renames an executable's `main`, so libFuzzer's own `main` is never linked in:
// this one hands the command line to libFuzzer's driver instead.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzManifest))
