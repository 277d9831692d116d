import Foundation

/// Writes a line to standard error (diagnostics and progress; standard output carries results).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
