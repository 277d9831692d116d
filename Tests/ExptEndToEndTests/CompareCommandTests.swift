import Foundation
import Testing
import ExptTestSupport

/// `expt compare` on two trained results folders: what it writes, and what it refuses.
@Suite struct CompareCommandTests {
    /// The tiny manifest named `name`, with a target every run reaches in its first epoch.
    static func manifest(_ name: String, target: Bool = true) -> String {
        storeManifest.replacingOccurrences(of: "name: tiny", with: "name: \(name)")
            + (target ? "\ncompare: {metric: train_loss, target: 100}\n" : "")
    }

    /// 48 training examples in batches of 16: 3 steps an epoch, so each optimizer reaches the
    /// target at step 3 in both experiments, a ratio of 1.
    @Test func twoFoldersGiveTheTableTheCSVAndTheChart() throws {
        let first = try StoreFixture(manifest: Self.manifest("one"))
        let second = try StoreFixture(manifest: Self.manifest("two"))
        defer { first.remove(); second.remove() }
        #expect(try first.run() == 0 && second.run() == 0)
        let out = first.temporary.file("comparison")
        #expect(try runExpt(["compare", first.folder.path, second.folder.path, "--out", out]) == 0)
        let csv = CSVTable(try String(contentsOfFile: out + "/compare.csv", encoding: .utf8))
        #expect(csv.rows.map { "\($0["optimizer"]!) \($0["experiment"]!) \($0["ran"]!) \($0["steps_to_target"]!) \($0["steps_ratio"]!)" }
            == ["sgd one true 3.0 1.0", "sgd two true 3.0 1.0", "adam one true 3.0 1.0", "adam two true 3.0 1.0"])
        let markdown = try String(contentsOfFile: out + "/compare.md", encoding: .utf8)
        #expect(markdown.contains("| sgd | #") && markdown.contains(" | 2 of 2 | 2/2 | 2/2 | 2/2 | "))
        #expect(FileManager.default.fileExists(atPath: out + "/profile.svg"))
    }

    @Test func aFolderWithoutATargetIsRefusedAndNothingIsWritten() throws {
        let first = try StoreFixture(manifest: Self.manifest("one", target: false))
        defer { first.remove() }
        #expect(try first.run() == 0)
        let out = first.temporary.file("comparison")
        #expect(try runExpt(["compare", first.folder.path, "--out", out]) == 1)
        #expect(try runExpt(["compare", first.temporary.path, "--out", out]) == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
