import ExptManifest
import Testing

@testable import expt

/// `expt validate --plan` on a 2D test function: the function, the steps and the optimizer,
/// and no loss, validation split, batch size or model, which such a run does not have.
struct FunctionPlanTests {
    @Test func aFunctionRunListsItsStepsAndNoExamplesSettings() throws {
        let manifest = """
            name: bowl
            data: {dataset: rosenbrock, start: [-1.5, 2.0]}
            train: {steps: 300, record_every: 10}
            variants:
              adam:
                optimizer: {name: adam, lr: 0.05}
              gd:
                optimizer: {name: sgd, lr: 0.001}
                train: {steps: 1, record_every: 1}
            """
        let experiment = try ManifestLoader.decode(text: manifest, path: "bowl.yaml", overrides: [])
        #expect(RunSettingsListing.text(experiment) == """
            run 1 of 2: adam, seed 0
              data: rosenbrock (start [-1.5, 2.0])
              train: 300 steps, recorded every 10 steps
              optimizer: adam (lr 0.05, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, amsgrad false)
            run 2 of 2: gd, seed 0
              data: rosenbrock (start [-1.5, 2.0])
              train: 1 step, recorded every step
              optimizer: sgd (lr 0.001, momentum 0.0, dampening 0.0, nesterov false, weight_decay 0.0)

            """)
    }
}
