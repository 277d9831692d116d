import ArgumentParser
import ExptManifest
import Testing

@testable import expt
import ExptTestSupport

/// `expt validate --plan`, and `--set` on the command line.
struct PlanTests {
    /// The tiny manifest (`storeManifest`) with a cosine schedule, sgd swept over momentum 0 and
    /// 0.9, and adam's gradients clipped to norm 1.
    static let manifest = storeManifest
        .replacingOccurrences(of: "variants:", with: "schedule: {name: cosine}\nvariants:")
        .replacingOccurrences(of: "{name: sgd, lr: 0.1}\n", with: "{name: sgd, lr: 0.1}\n    sweep: {grid: {optimizer.momentum: [0, 0.9]}}\n")
        .replacingOccurrences(of: "{name: adam, lr: 0.01}\n", with: "{name: adam, lr: 0.01}\n    clip: {norm: 1}\n")

    @Test func planListsEveryRunWithItsResolvedSettings() throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "tiny.yaml", overrides: ["seeds=3"])
        #expect(RunSettingsListing.text(experiment) == """
            run 1 of 3: sgd, seed 3, sweep optimizer.momentum=0
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
              model: dense 8 relu → dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: sgd (lr 0.1, momentum 0.0, dampening 0.0, nesterov false, weight_decay 0.0)
              schedule: cosine (eta_min 0.0) per epoch
            run 2 of 3: sgd, seed 3, sweep optimizer.momentum=0.9
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
              model: dense 8 relu → dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: sgd (lr 0.1, momentum 0.9, dampening 0.0, nesterov false, weight_decay 0.0)
              schedule: cosine (eta_min 0.0) per epoch
            run 3 of 3: adam, seed 3
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
              model: dense 8 relu → dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: adam (lr 0.01, beta1 0.9, beta2 0.999, eps 1e-08, weight_decay 0.0, amsgrad false)
              schedule: cosine (eta_min 0.0) per epoch
              clip: norm 1.0

            """)
    }

    @Test func validateTakesPlanAndSetAndFailsOnABadOverride() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let path = try folder.write(Self.manifest, to: "tiny.yaml")
        var good = try Expt.parseAsRoot(["validate", path, "--plan", "--set", "train.epochs=2"])
        try good.run()
        var bad = try Expt.parseAsRoot(["validate", path, "--set", "train.epochs=ten"])
        #expect(throws: ExitStatus.invalidManifest) { try bad.run() }
    }

    @Test func theReproducingCommandRepeatsTheOverrides() throws {
        let run = try Expt.Run.parse(["x.yaml", "--set", "train.epochs=5", "--set", "seeds=[0, 1]", "--set", "description=it's"])
        #expect(run.reproducingCommand(program: "swift run -c release expt") == #"swift run -c release expt run x.yaml --set train.epochs=5 --set 'seeds=[0, 1]' --set 'description=it'\''s'"#)
    }
}
