import ArgumentParser
import ExptManifest

extension Expt {
    /// `expt validate FILE`: checks a manifest without training.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a manifest and print the runs it declares, without training.",
            discussion: "Exits with 0 when the manifest is valid, and with 2 after printing every error otherwise.")

        @Argument(help: "The manifest file.")
        var manifest: String

        @OptionGroup var settings: OverrideOptions

        @Flag(name: .long, help: "Print every run with its resolved settings.")
        var plan = false

        func run() throws {
            let experiment = try loadManifest(manifest, overrides: settings.overrides)
            let variants = experiment.variants.count
            let seeds = experiment.seeds.count
            let points = experiment.variants.reduce(0) { $0 + $1.points.count }
            let runs = experiment.runs.count
            let counted = points == variants
                ? "\(variants) variant\(variants == 1 ? "" : "s")"
                : "\(points) sweep point\(points == 1 ? "" : "s") of \(variants) variant\(variants == 1 ? "" : "s")"
            print("\(manifest): valid: \(counted) x \(seeds) seed\(seeds == 1 ? "" : "s") = \(runs) run\(runs == 1 ? "" : "s")")
            if plan { print(RunSettingsListing.text(experiment), terminator: "") }
        }
    }
}
