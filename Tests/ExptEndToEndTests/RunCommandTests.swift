import ArgumentParser
import Foundation
import Testing

@testable import expt
import ExptTestSupport

/// `expt run` and `expt validate` driven through the command-line code path, on a manifest
/// small enough to train in well under a second even in a debug build.
@Suite struct RunCommandTests {
    /// The end-to-end tests' tiny manifest (two optimizers on a small spirals set), with a description.
    static let manifest = "description: Two optimizers on a small spirals set.\n" + storeManifest

    @Test func runWritesTheResultFilesWithConsistentTables() throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }

        #expect(try fixture.run() == 0)

        let results = fixture.folder.path
        let files = try FileManager.default.contentsOfDirectory(atPath: results).sorted()
        #expect(files == ["charts", "context.json", "data.json", "layout", "lock", "manifest.yaml", "metrics.csv", "report.html", "report.md", "runs",
                          "summary.csv", "variants.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: results + "/runs").count == 4)
        #expect(try String(contentsOfFile: results + "/manifest.yaml", encoding: .utf8) == Self.manifest)

        let summary = CSVTable(try String(contentsOfFile: results + "/summary.csv", encoding: .utf8))
        #expect(summary.header == [
            "run_id", "variant", "seed", "optimizer", "batch_size", "epochs",
            "lr", "momentum", "dampening", "nesterov", "weight_decay", "beta1", "beta2", "eps", "amsgrad",
            "final_train_loss", "final_val_loss", "final_val_accuracy", "best_val_accuracy", "best_epoch", "max_grad_norm",
            "steps", "seconds", "status",
        ])
        #expect(summary.rows.map { "\($0["variant"]!) \($0["seed"]!)" } == ["sgd 0", "sgd 1", "adam 0", "adam 1"])
        #expect(summary.rows.map { $0["status"] } == ["complete", "complete", "complete", "complete"])
        #expect(summary.rows.map { $0["lr"] } == ["0.1", "0.1", "0.01", "0.01"])
        // 60 examples, 20% held out: 48 to train in batches of 16 -> 3 steps an epoch, 9 in all.
        #expect(summary.rows.map { $0["steps"] } == ["9", "9", "9", "9"])

        // Every final value in summary.csv is the last epoch's value in metrics.csv.
        let metrics = CSVTable(try String(contentsOfFile: results + "/metrics.csv", encoding: .utf8))
        #expect(metrics.header == ["run_id", "variant", "seed", "epoch", "step", "metric", "value"])
        #expect(metrics.rows.count == 4 * 3 * 7)
        for run in summary.rows {
            func last(_ metric: String) -> String? {
                metrics.rows.last { $0["variant"] == run["variant"] && $0["seed"] == run["seed"] && $0["metric"] == metric }?["value"]
            }
            #expect(last("train_loss") == run["final_train_loss"])
            #expect(last("val_loss") == run["final_val_loss"])
            #expect(last("val_accuracy") == run["final_val_accuracy"])
            #expect(last("lr") == run["lr"])
        }

        // The comparison table's cells are the mean ± 95% CI half-width of summary.csv's values:
        // for two seeds t(0.975, 1)·s/√2 = 12.706205·|a − b|/2.
        let report = try String(contentsOfFile: results + "/report.md", encoding: .utf8)
        for variant in ["sgd", "adam"] {
            let finals = summary.rows.filter { $0["variant"] == variant }.map { Double($0["final_val_accuracy"]!)! }
            let mean = (finals[0] + finals[1]) / 2
            let deviation = 12.706204736174698 * abs(finals[0] - finals[1]) / 2
            let decimals = mean >= 1 ? 3 : 4
            let cell = String(format: "%.\(decimals)f ± %.\(decimals)f", mean, deviation)
            #expect(report.contains("| \(variant) | \(cell) |"), "no row for \(variant) starting with \(cell)")
        }
    }

    @Test func theSameManifestTwiceGivesIdenticalMetrics() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let manifestPath = try folder.write(Self.manifest, to: "tiny.yaml")
        var tables: [String] = []
        for attempt in ["first", "second"] {
            let out = (folder.path as NSString).appendingPathComponent(attempt)
            #expect(try runExpt(["run", manifestPath, "--out", out, "--quiet"]) == 0)
            let text = try String(contentsOfFile: out + "/tiny/metrics.csv", encoding: .utf8)
            // Everything but the wall-clock seconds must match to the bit.
            tables.append(text.split(separator: "\n").filter { !$0.contains(",seconds,") }.joined(separator: "\n"))
        }
        #expect(tables[0] == tables[1])
        #expect(tables[0].split(separator: "\n").count == 1 + 4 * 3 * 6)
    }

    @Test func aDivergingRunIsRecordedAndTheOthersComplete() throws {
        let fixture = try StoreFixture(manifest: Self.manifest.replacingOccurrences(of: "lr: 0.1}", with: "lr: 1.0e+30}"))
        defer { fixture.remove() }

        #expect(try fixture.run() == 3)

        let summary = CSVTable(try fixture.read("summary.csv"))
        #expect(summary.rows.map { $0["status"] } == ["diverged", "diverged", "complete", "complete"])
        let report = try fixture.read("report.md")
        #expect(report.contains("diverged"))
    }

    @Test func validateAcceptsAGoodManifestAndRejectsABadOne() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let good = try folder.write(Self.manifest, to: "good.yaml")
        #expect(try runExpt(["validate", good]) == 0)

        let bad = try folder.write(Self.manifest.replacingOccurrences(of: "lr: 0.1", with: "lr: fast"), to: "bad.yaml")
        #expect(try runExpt(["validate", bad]) == 2)
        #expect(try runExpt(["run", bad, "--out", folder.path + "/results", "--quiet"]) == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/results"))
    }

    @Test func unknownArgumentsAreAUsageError() {
        #expect(throws: (any Error).self) { try Expt.parseAsRoot(["run"]) }
        #expect(throws: (any Error).self) { try Expt.parseAsRoot(["frobnicate", "x.yaml"]) }
    }
}
