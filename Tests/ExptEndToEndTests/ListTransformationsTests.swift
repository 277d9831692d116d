import ArgumentParser
import ExptManifest
import Testing

@testable import expt

/// `expt list transformations`: every transformation a chain can name, with its settings.
struct ListTransformationsTests {
    @Test func transformationsStartWithTheAdamBlock() {
        let text = Expt.List.text([ManifestSchema.transformations])
        let adam = """
            transformations: optimizer: {chain: [NAME, NAME: VALUE, NAME: {KEY: VALUE, …}, …, scale_by_learning_rate], lr: VALUE}; NAME: VALUE gives the first setting

            scale_by_adam  Adam's bias-corrected moment ratio m̂ / (√v̂ + ε), optionally with AMSGrad.
              betas    [b1, b2], each in [0, 1)  [0.9, 0.999]  Decay rates of the first and second moments.
              eps      number > 0                1e-8          Added to the denominator.
              amsgrad  true | false              false         Use the maximum of past second moments.

            """
        #expect(text.hasPrefix(adam), "\(text)")
    }

    @Test func theStepHasNoSettings() {
        let step = "\nscale_by_learning_rate  The step: the update times −γ, the scheduled learning rate. Ends every chain.\n  (no settings)\n"
        #expect(Expt.List.text([ManifestSchema.transformations]).contains(step))
    }

    /// Each built-in element-wise optimizer shows the chain it equals at its defaults.
    @Test func builtInsShowTheirChains() {
        let text = Expt.List.text([ManifestSchema.optimizers])
        #expect(text.contains("\nadam  Adam, with bias-corrected first and second moments (torch.optim.Adam).\n"
                              + "  = chain [scale_by_adam, scale_by_learning_rate] at these defaults\n"), "\(text)")
        #expect(text.contains("\n  = chain [scale_by_adam, add_decayed_weights: {weight_decay: 0.01}, scale_by_learning_rate] at these defaults\n"),
                "\(text)")
    }

    @Test func theSectionIsAnArgument() throws {
        let command = try #require(try Expt.parseAsRoot(["list", "transformations"]) as? Expt.List)
        #expect(command.sections.map(\.name) == ["transformations"])
    }
}
