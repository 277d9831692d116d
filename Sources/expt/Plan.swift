import ArgumentParser
import ExptManifest
import ExptRunner
import Foundation

extension Expt {
    /// `expt plan FILE`: lists every run of a manifest with its id, expected cost and shard.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every run of a manifest with its id, expected cost and shard, without training.",
            discussion: """
                Runs are listed in the manifest's order (variant by variant, seed by seed). The id names \
                the run's folder, runs/<id>/. The cost is the expected cost (epochs x training examples x \
                multiply-adds of one example), and the shard is the one `expt run --shard I/N` trains it \
                in, for N = --shards.
                """)

        @Argument(help: "The manifest file.")
        var manifest: String

        @Option(name: .long, help: "The number of shards N to split the runs into.")
        var shards: Int = 1

        @Flag(name: .long, help: "Print JSON instead of a table.")
        var json = false

        @OptionGroup var settings: OverrideOptions

        func validate() throws {
            guard shards >= 1 else { throw ValidationError("expected a shard count of at least 1, found \(shards)") }
            guard shards <= Shard.maximumCount else {
                throw ValidationError("expected a shard count of at most \(Shard.maximumCount), found \(shards)")
            }
        }

        func run() throws {
            let experiment = try loadManifest(manifest, overrides: settings.overrides)
            let listing = PlanListing(experiment: experiment, shards: shards)
            print(json ? listing.json() : listing.text(), terminator: "")
        }
    }
}
