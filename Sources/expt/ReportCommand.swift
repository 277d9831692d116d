import ArgumentParser
import ExptReport
import ExptStore

extension Expt {
    /// `expt report DIR`: rewrites the report files of a results folder from its stored runs.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the report of a results folder again from its stored runs, without training.",
            discussion: """
                DIR is a folder that `expt run` wrote (results/<experiment>/). Reads its manifest.yaml, \
                data.json, context.json and runs/ (nothing outside DIR: not the data files), and writes \
                the report files, identical to those `expt run` wrote from the same runs. Declared runs \
                with no result are listed. When the manifest asks for TensorBoard (report: {tensorboard: true}) \
                or --tensorboard is given, tensorboard/ is rewritten from the stored runs too.
                """)

        @Argument(help: "The results folder of one experiment, e.g. results/adam-vs-sgd.")
        var directory: String

        @Flag(name: .long, help: "Wait for another expt process using the folder, instead of refusing.")
        var wait = false

        @Flag(name: .long, help: "Rewrite DIR/tensorboard/ from the stored runs even when the manifest does not ask for it (report: {tensorboard: true}).")
        var tensorboard = false

        func run() throws {
            let folder = ResultsFolder(path: directory)
            let lock = try storeStep { () throws(StoreError) in
                try folder.checkLayout()
                return try FolderLock(folder: folder.path, wait: wait)
            }
            defer { lock.release() }
            let recordedData = try storeStep { () throws(StoreError) in
                try RecordedData.stored(in: folder) ?? RecordedData(datasets: [])
            }
            let experiment = try loadManifest(folder.file("manifest.yaml"), recordedData: recordedData)
            let context = try storeStep { () throws(StoreError) in
                guard let context = ReportContext.stored(in: folder) else {
                    throw StoreError("\(folder.file(ReportContext.fileName)) is missing or unreadable; run `expt run` on the manifest to write it")
                }
                return context
            }
            let (results, report) = try writeReport(experiment, in: folder, context: context, data: recordedData,
                                                    tensorboard: tensorboard || experiment.report.tensorboard)
            let status = exitStatus(for: results, report: report)
            if status != .success { throw status }
        }
    }
}
