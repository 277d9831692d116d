#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a line to standard error (diagnostics and progress; standard output carries results).
func printError(_ message: String) {
    fputs(message + "\n", stderr)
}
