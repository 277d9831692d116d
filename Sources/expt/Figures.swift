import ArgumentParser
import Foundation

extension Expt {
    /// `expt figures`: the page of figures that the README and the docs quote (``FiguresPage``).
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print (or write) the Markdown page of the figures of every results folder.",
            discussion: """
                Reads results/<experiment>/variants.csv of every folder under RESULTS and prints one \
                table per experiment: the README and the docs quote their numbers from this page \
                (docs/figures.md), never by hand.
                """)

        @Argument(help: "The folder of results folders.")
        var results = "results"

        @Option(name: .long, help: "Write the page to this file instead of printing it.")
        var output: String?

        func run() throws {
            let page: FiguresPage
            do {
                page = try FiguresPage(results: results)
            } catch {
                printError("error: cannot read the folder \"\(results)\" (\((error as NSError).localizedFailureReason ?? error.localizedDescription))")
                throw ExitStatus.runtimeError
            }
            guard let output else {
                print(page.markdown, terminator: "")
                return
            }
            do {
                try Data(page.markdown.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("error: cannot write \"\(output)\" (\((error as NSError).localizedFailureReason ?? error.localizedDescription))")
                throw ExitStatus.runtimeError
            }
        }
    }
}
