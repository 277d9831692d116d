import ExptOptim
import Testing
@testable import ExptManifest

/// The optimizers' schema is made from the registry and each optimizer's settings table.
struct OptimizerSchemaTests {
    @Test func listsTheRegistryInItsOrder() {
        #expect(ManifestSchema.optimizers.names.map(\.name) == OptimizerRegistry.kinds.map { $0.name })
        #expect(ManifestDecoder.optimizerKeys.first { $0.name == "adagrad" }?.keys
            == ["name", "lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"])
    }

    /// Each row: key, the values as the reference writes them, the default of `init()`, the meaning.
    @Test func rowsComeFromTheTable() throws {
        let lion = try #require(ManifestSchema.optimizers.entry("lion"))
        #expect(lion.summary == "The sign of an interpolated momentum (Chen et al., 2023).")
        #expect(lion.settings.map { [$0.key, $0.type, $0.defaultValue, $0.meaning] } == [
            ["lr", "number > 0", "0.0001", "Learning rate."],
            ["betas", "[b1, b2], each in [0, 1)", "[0.9, 0.99]", "Interpolation for the sign, and decay of the momentum."],
            ["weight_decay", "number ≥ 0", "0", "Decoupled: shrinks the parameters by lr · weight_decay each step."],
        ])
        let radam = try #require(ManifestSchema.optimizers.entry("radam"))
        #expect(radam.settings.last.map { [$0.key, $0.type, $0.defaultValue, $0.meaning] }
            == ["decoupled_weight_decay", "true | false", "false", "Shrink the parameters by lr · weight_decay instead."])
    }
}
