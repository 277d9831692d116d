import ArgumentParser
import ExptStore

/// The `expt` command: train the runs a manifest declares and compare them.
@main
struct Expt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expt",
        abstract: "A declarative experiment runner for deep-learning optimizers.",
        discussion: """
            Write one YAML manifest (datasets, model, optimizers, seeds), then `expt run` trains \
            every run it declares on the CPU and writes CSV files and a Markdown report into \
            results/<experiment>/.

            Exit codes: 0 success; 1 an error while running (for example results that cannot be \
            written); 2 the manifest is invalid; 3 the report was written but some runs diverged \
            or failed; 4 the report was written but some declared runs have no result; 5 every run \
            completed but an expect: assertion does not hold; 64 the command line is wrong; 75 \
            another expt process holds the results folder; 130 or 143 stopped by SIGINT or SIGTERM \
            (the finished runs are kept).
            """,
        version: ExptVersion.current,
        subcommands: [Run.self, Validate.self, ReportCommand.self, CompareCommand.self, Plan.self, List.self, SchemaCommand.self, Figures.self, WeightsCommand.self]
    )
}
