import ExptData
import ExptOptim
import Foundation
import Testing
@testable import ExptManifest
import ExptTestSupport

/// `extends`: a manifest laid over the files it names, by the rules of variants over the top level.
struct ExtendsTests {
    static let base = """
        name: base
        seeds: [0, 1]
        data: {dataset: spirals, classes: 3, samples: 300}
        model: [{dense: 8, activation: relu}, {dense: 3}]
        train: {epochs: 10, batch_size: 16}
        optimizer: {name: sgd, lr: 0.1, momentum: 0.9}
        variants:
          sgd: {}
          adam:
            optimizer: {name: adam, lr: 0.01}

        """

    private func loadError(_ path: String) -> String? {
        do {
            _ = try ManifestLoader.load(path: path)
            Issue.record("loaded without error")
            return nil
        } catch {
            return (error as? ManifestError)?.description
        }
    }

    @Test func theManifestIsMergedOverItsBase() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        try folder.write(Self.base, to: "shared/base.yaml")
        let path = try folder.write("""
            extends: shared/base.yaml
            name: child
            train: {epochs: 3}
            optimizer: {lr: 0.2}
            variants:
              adam:
                optimizer: {betas: [0.8, 0.9]}
              gd:
                train: {batch_size: full}

            """, to: "child.yaml")
        let experiment = try ManifestLoader.load(path: path)
        #expect(experiment.name == "child")
        #expect(experiment.seeds == [0, 1])
        #expect(experiment.variants.map(\.name) == ["sgd", "adam", "gd"])
        let config = Dictionary(uniqueKeysWithValues: experiment.variants.map { ($0.name, $0.config) })
        // train merges key by key; the optimizer too, since the manifest names no other one.
        #expect(config["sgd"]?.train == TrainConfig(epochs: 3, batchSize: .size(16)))
        #expect(config["sgd"]?.optimizer == .sgd(SGDHyperparameters(lr: 0.2, momentum: 0.9)))
        // A variant of the base merges with the manifest's variant of the same name.
        #expect(config["adam"]?.optimizer == .adam(AdamHyperparameters(lr: 0.01, beta1: 0.8, beta2: 0.9)))
        #expect(config["gd"]?.train == TrainConfig(epochs: 3, batchSize: .full))
        #expect(config["gd"]?.data.dataset == DatasetConfig(SpiralsSettings(samples: 300, classes: 3)))
    }

    @Test func severalBasesLaterWinsAndBasesExtendOthers() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        try folder.write(Self.base, to: "a/base.yaml")
        try folder.write("extends: base.yaml\ntrain: {epochs: 4}\nseeds: 5\n", to: "a/four.yaml")
        try folder.write("train: {epochs: 6, threads: 2}\n", to: "six.yaml")
        let path = try folder.write("extends: [a/four.yaml, six.yaml]\nname: both\n", to: "m.yaml")
        let experiment = try ManifestLoader.load(path: path)
        #expect(experiment.seeds == [5])
        #expect(experiment.variants.first?.config.train == TrainConfig(epochs: 6, batchSize: .size(16), threads: 2))
        #expect(experiment.sourceText == """
            extends: [a/four.yaml, six.yaml]
            name: both
            # It extends these files, as read (the manifest was read as \(path)):
            # --- \(folder.path)/a/four.yaml ---
            # extends: base.yaml
            # train: {epochs: 4}
            # seeds: 5
            # --- \(folder.path)/a/base.yaml ---
            """ + "\n" + Self.base.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined() + """
            # --- \(folder.path)/six.yaml ---
            # train: {epochs: 6, threads: 2}

            """)
    }

    @Test func aCycleIsRefusedWithTheChain() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        let a = try folder.write("extends: b.yaml\n" + Self.base, to: "a.yaml")
        try folder.write("extends: ./c.yaml\n", to: "b.yaml")
        try folder.write("x: 1\nextends: [../\((folder.path as NSString).lastPathComponent)/a.yaml]\n", to: "c.yaml")
        let p = folder.path
        #expect(loadError(a) == """
            \(p)/c.yaml:1:1: error: x: unknown key "x"; expected one of: analysis, clip, compare, data, description, expect, extends, init, loss, model, name, optimizer, optimizers, param_groups, report, schedule, seeds, sweep, train, variants
            x: 1
            ^
            \(p)/c.yaml:2:11: error: extends[0]: extends itself: \(p)/a.yaml -> \(p)/b.yaml -> \(p)/c.yaml -> \(p)/a.yaml
            extends: [../\((p as NSString).lastPathComponent)/a.yaml]
                      ^
            """)
    }

    @Test func errorsInABaseFileNameThatFileAndLine() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        try folder.write(edit(Self.base, "epochs: 10", "epochs: ten"), to: "base.yaml")
        let path = try folder.write("extends: base.yaml\nname: child\n", to: "child.yaml")
        #expect(loadError(path) == """
            \(folder.path)/base.yaml:5:17: error: train.epochs: expected a positive integer, found "ten"
            train: {epochs: ten, batch_size: 16}
                            ^
            """)
    }

    @Test func aMissingOrBrokenBaseFile() throws {
        let folder = try TemporaryFolder("manifest")
        defer { folder.remove() }
        try folder.write("name: [x\n", to: "broken.yaml")
        let path = try folder.write("extends: [missing.yaml, broken.yaml, 3, {a: 1}]\n" + Self.base, to: "child.yaml")
        // A number is a file name too (a file named 3 could exist).
        #expect(loadError(path) == """
            \(folder.path)/child.yaml:1:11: error: extends[0]: cannot read "\(folder.path)/missing.yaml" (no such file or directory)
            extends: [missing.yaml, broken.yaml, 3, {a: 1}]
                      ^
            \(folder.path)/child.yaml:1:38: error: extends[2]: cannot read "\(folder.path)/3" (no such file or directory)
            extends: [missing.yaml, broken.yaml, 3, {a: 1}]
                                                 ^
            \(folder.path)/child.yaml:1:41: error: extends[3]: expected a string, found a mapping
            extends: [missing.yaml, broken.yaml, 3, {a: 1}]
                                                    ^
            \(folder.path)/broken.yaml:1:7: error: did not find expected ',' or ']' while parsing a flow sequence
            name: [x
                  ^
            """)
    }
}
