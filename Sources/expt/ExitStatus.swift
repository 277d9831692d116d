import ArgumentParser

/// The exit codes of expt, documented in the README and in `expt --help`.
enum ExitStatus {
    /// An error while running, such as a results folder that cannot be written.
    static let runtimeError = ExitCode(1)
    /// The manifest could not be read or is invalid.
    static let invalidManifest = ExitCode(2)
    /// The report was written, but at least one run diverged or failed.
    static let someRunsDidNotComplete = ExitCode(3)
    /// Every run completed, but at least one `expect:` assertion does not hold.
    static let expectationsFailed = ExitCode(4)
}
