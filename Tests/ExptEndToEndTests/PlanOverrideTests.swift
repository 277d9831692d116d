import ExptTestSupport
import Foundation
import Testing
@testable import expt

/// `expt plan` takes `--set` like `run` and `validate`.
struct PlanOverrideTests {
    @Test func planAppliesAndChecksItsOverrides() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let path = try folder.write(PlanTests.manifest, to: "tiny.yaml")
        let good = try Expt.Plan.parse([path, "--set", "seeds=[3]", "--set", "variants.adam.optimizer.lr=0.001"])
        #expect(good.settings.overrides == ["seeds=[3]", "variants.adam.optimizer.lr=0.001"])
        try good.run()
        let typo = try Expt.Plan.parse([path, "--set", "variants.adamm.optimizer.lr=0.1"])
        #expect(throws: ExitStatus.invalidManifest) { try typo.run() }
    }
}
