import ArgumentParser

/// The exit codes of expt, documented in docs/commands.md and in `expt --help`.
enum ExitStatus {
    /// An error while running, such as a results folder that cannot be written.
    static let runtimeError = ExitCode(1)
    /// The manifest could not be read or is invalid.
    static let invalidManifest = ExitCode(2)
    /// The report was written, but at least one run diverged or failed.
    static let someRunsDidNotComplete = ExitCode(3)
    /// The report was written from the stored runs, but some declared runs have no result
    /// (never trained, or interrupted).
    static let someRunsAreMissing = ExitCode(4)
    /// Every run completed, but at least one `expect:` assertion does not hold.
    static let expectationsFailed = ExitCode(5)
    /// Another expt process holds the results folder (EX_TEMPFAIL: try again later).
    static let folderInUse = ExitCode(75)

    /// The code of a batch stopped by `signal`: 128 + its number, as shells report a process
    /// killed by it (130 for SIGINT, 143 for SIGTERM).
    static func stopped(by signal: Int32) -> ExitCode {
        ExitCode(128 + signal)
    }
}
