import ArgumentParser
import ExptReport
import ExptStore
import Foundation

extension CompareGrouping: ExpressibleByArgument {}

extension Expt {
    /// `expt compare DIR... [--out DIR] [--by variant|optimizer]`: one report over several
    /// results folders: each optimizer's rank and score in each experiment, and its
    /// performance profiles against each experiment's `compare.target` (docs/compare.md).
    struct CompareCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare optimizers across the results folders of several experiments.",
            discussion: """
                Each DIR is a folder that `expt run` wrote, whose manifest sets compare.target. Reads \
                their stored runs as `expt report` does (nothing is trained) and writes compare.md, \
                compare.csv and profile.svg into the --out folder: each optimizer's rank and score in \
                each experiment, and its performance profiles (the share of the experiments it ran in \
                which it reached the target within τ times the fastest optimizer's steps or seconds).
                """)

        @Argument(help: "The results folders, e.g. results/adam-vs-sgd results/optimizers-cnn.")
        var directories: [String]

        @Option(name: .long, help: "Where to write the comparison (default: compare-<names> beside the first folder).")
        var out: String?

        @Option(name: .customLong("by"), help: "What names an optimizer: its variant's name, or the optimizer's (variant | optimizer).")
        var grouping: CompareGrouping = .variant

        func validate() throws {
            if directories.isEmpty { throw ValidationError("give at least one results folder") }
        }

        func run() throws {
            let experiments = try directories.map(Self.read)
            let report = try storeStep { () throws(StoreError) in try CompareReport(experiments, grouping: grouping) }
            let folder = out ?? Self.defaultOut(directories: directories, names: experiments.map(\.experiment.name))
            try storeStep { () throws(StoreError) in try report.write(to: folder) }
            FileHandle.standardOutput.write(Data(((folder as NSString).appendingPathComponent("compare.md") + "\n").utf8))
        }

        /// `compare-<name>+<name>…` in the folder that holds the first results folder.
        static func defaultOut(directories: [String], names: [String]) -> String {
            let parent = ((directories[0] as NSString).standardizingPath as NSString).deletingLastPathComponent
            return (parent as NSString).appendingPathComponent("compare-" + names.joined(separator: "+"))
        }

        /// The recorded manifest and stored runs of the results folder `path`.
        static func read(_ path: String) throws -> ComparedExperiment {
            let folder = ResultsFolder(path: path)
            try storeStep { () throws(StoreError) in try ComparedExperiment.check(folder) }
            let recordedData = try storeStep { () throws(StoreError) in
                try RecordedData.stored(in: folder) ?? RecordedData(datasets: [])
            }
            let experiment = try loadManifest(folder.file("manifest.yaml"), recordedData: recordedData)
            return ComparedExperiment(folder: path, experiment: experiment, records: folder.results(for: experiment).records)
        }
    }
}
