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

        func run() throws {
            let experiment = try loadManifest(manifest, overrides: settings.overrides)
            let variants = experiment.variants.count
            let seeds = experiment.seeds.count
            print("\(manifest): valid: \(variants) variant\(variants == 1 ? "" : "s") x \(seeds) seed\(seeds == 1 ? "" : "s") = \(variants * seeds) run\(variants * seeds == 1 ? "" : "s")")
        }
    }
}
