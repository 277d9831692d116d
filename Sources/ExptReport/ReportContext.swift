import Foundation

/// Facts about the environment of a set of runs, recorded in the report's header.
public struct ReportContext: Sendable, Equatable, Codable {
    /// When the runs were made, as the caller formats it (ISO 8601 from `current`).
    public var date: String
    /// The version of expt that made them.
    public var exptVersion: String
    /// The command line that reproduces the results, e.g. `expt run experiments/x.yaml`.
    public var command: String
    /// The operating system, architecture and processor count.
    public var machine: String
    /// How many runs were trained at the same time (each with its own matrix-multiply threads).
    public var jobs: Int

    public init(date: String, exptVersion: String, command: String, machine: String, jobs: Int) {
        self.date = date
        self.exptVersion = exptVersion
        self.command = command
        self.machine = machine
        self.jobs = jobs
    }

    /// The context of this process now: the date in ISO 8601 (UTC, to the second), and this
    /// machine as `<operating system>, <architecture>, <n> CPUs`.
    public static func current(exptVersion: String, command: String, jobs: Int) -> ReportContext {
        let process = ProcessInfo.processInfo
        let machine = "\(process.operatingSystemVersionString), \(architecture), \(process.activeProcessorCount) CPUs"
        return ReportContext(date: ISO8601DateFormatter().string(from: Date()), exptVersion: exptVersion,
                             command: command, machine: machine, jobs: jobs)
    }

    private static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "arm64"
        #else
        "unknown architecture"
        #endif
    }
}
