import ExptManifest
import ExptReport
import Testing

@testable import expt

/// A manifest's own optimizer as `expt validate --plan` and the report show it: its name with the
/// built-in it resolves to.
struct OwnOptimizerListingTests {
    /// The tiny manifest (`storeManifest`) with adam written as the manifest's own `my-adam`.
    static let manifest = storeManifest
        .replacingOccurrences(of: "variants:", with: "optimizers:\n  my-adam: {name: adam, eps: 1.0e-6}\nvariants:")
        .replacingOccurrences(of: "{name: adam, lr: 0.01}", with: "{name: my-adam, lr: 0.01}")

    @Test func thePlanShowsTheNameAndTheResolvedOptimizer() throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "tiny.yaml", overrides: ["seeds=3"])
        #expect(RunSettingsListing.text(experiment) == """
            run 1 of 2: sgd, seed 3
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
              model: dense 8 relu → dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: sgd (lr 0.1, momentum 0.0, dampening 0.0, nesterov false, weight_decay 0.0)
            run 2 of 2: adam, seed 3
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
              model: dense 8 relu → dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: my-adam = adam (lr 0.01, beta1 0.9, beta2 0.999, eps 1e-06, weight_decay 0.0, amsgrad false)

            """)
    }

    @Test func theReportsSetupShowsTheNameAndTheResolvedOptimizer() throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "tiny.yaml")
        let context = ReportContext(date: "2026-01-02T03:04:05Z", exptVersion: "0.1.0", command: "expt run tiny.yaml",
                                    machine: "Linux, x86_64, 2 CPUs", jobs: 1)
        let markdown = Report(experiment: experiment, records: [], context: context).markdown()
        #expect(markdown.contains("""
            | variant | optimizer | hyperparameters | batch size |
            | --- | --- | --- | --- |
            | sgd | sgd | lr 0.1 | 16 |
            | adam | my-adam (adam) | lr 0.01, eps 1e-06 | 16 |
            """))
    }
}
