import ExptManifest
import ExptOptim
import ExptStore
import Testing
@testable import ExptReport

/// The hyperparameters of the HPARAMS tab (``HParamTable``) and the runs' folder names.
@Suite struct TensorBoardHParamsTests {
    static func table(_ experiment: Experiment) -> HParamTable {
        HParamTable(runs: experiment.runs, trainingCount: { $0.trainingCount })
    }

    /// SGD (lr 0.1, momentum 0.9, full batch: 80 of the 100 examples) against Adam (lr 0.01,
    /// batches of 32): their own hyperparameters are set in one variant each, so only the batch
    /// size joins the columns every table has.
    @Test func theFixtureComparesByBatchSizeBesideTheAlwaysColumns() {
        let table = Self.table(Fixture.experiment())
        #expect(table.columns.map(\.name) == ["variant", "seed", "optimizer", "lr", "batch_size"])
        let sgd1 = Fixture.experiment().runs[1]
        #expect(table.hparams(of: sgd1) == ["variant": .text("sgd"), "seed": .number(1), "optimizer": .text("sgd"),
                                            "lr": .number(0.1), "batch_size": .number(80)])
        #expect(table.infos == [
            .init(name: "variant", domain: .discrete([.text("sgd"), .text("adam")])),
            .init(name: "seed", domain: .interval(min: 0, max: 1)),
            .init(name: "optimizer", domain: .discrete([.text("sgd"), .text("adam")])),
            .init(name: "lr", domain: .interval(min: 0.01, max: 0.1)),
            .init(name: "batch_size", domain: .interval(min: 32, max: 80)),
        ])
    }

    static func sgd(lr: Double, momentum: Double, clipping: GradientClipping? = nil) -> RunConfig {
        var config = Fixture.config(.sgd(SGDHyperparameters(lr: lr, momentum: momentum)), batchSize: .full)
        config.clipping = clipping
        return config
    }

    /// A swept lr and two variants that differ in momentum and clipping.
    static let swept = Experiment(
        name: "swept", description: "", seeds: [0, 1],
        variants: [
            Variant(name: "sgd", config: sgd(lr: 0.1, momentum: 0.9), sweepPoints: [
                SweepPoint(settings: [SweepSetting(keyPath: "optimizer.lr", value: "0.1")], config: sgd(lr: 0.1, momentum: 0.9)),
                SweepPoint(settings: [SweepSetting(keyPath: "optimizer.lr", value: "0.05")], config: sgd(lr: 0.05, momentum: 0.9)),
            ]),
            Variant(name: "clipped", config: sgd(lr: 0.1, momentum: 0.5, clipping: GradientClipping(maxNorm: 1))),
        ],
        compare: Comparison(metric: .validationAccuracy), sourcePath: "swept.yaml", sourceText: "")

    @Test func sweptAndVariedSettingsBecomeColumns() {
        let table = Self.table(Self.swept)
        #expect(table.columns.map(\.name) == ["variant", "seed", "optimizer.lr", "optimizer", "lr", "momentum", "clip"])
        let runs = Self.swept.runs
        #expect(table.hparams(of: runs[3]) == ["variant": .text("sgd"), "seed": .number(1), "optimizer.lr": .number(0.05),
                                               "optimizer": .text("sgd"), "lr": .number(0.05), "momentum": .number(0.9),
                                               "clip": .text("none")])
        #expect(table.hparams(of: runs[4]) == ["variant": .text("clipped"), "seed": .number(0), "optimizer": .text("sgd"),
                                               "lr": .number(0.1), "momentum": .number(0.5), "clip": .text("norm 1.0")])
        #expect(table.infos == [
            .init(name: "variant", domain: .discrete([.text("sgd"), .text("clipped")])),
            .init(name: "seed", domain: .interval(min: 0, max: 1)),
            .init(name: "optimizer.lr", domain: .interval(min: 0.05, max: 0.1)),
            .init(name: "optimizer", domain: .discrete([.text("sgd")])),
            .init(name: "lr", domain: .interval(min: 0.05, max: 0.1)),
            .init(name: "momentum", domain: .interval(min: 0.5, max: 0.9)),
            .init(name: "clip", domain: .discrete([.text("none"), .text("norm 1.0")])),
        ])
    }

    @Test(arguments: [
        (["0.1", "1e-08", "32"], HParamTable.Kind.number),
        (["true", "false"], .flag),
        (["full", "32"], .text),
        (["inf"], .text),
        (["[0.9, 0.999]"], .text),
    ])
    func aColumnIsNumbersBoolsOrStrings(texts: [String], kind: HParamTable.Kind) {
        #expect(HParamTable.kind(of: texts) == kind)
    }

    static func spec(_ variant: String, seed: UInt64, _ sweep: [(String, String)]) -> RunSpec {
        RunSpec(variant: variant, seed: seed, config: Fixture.sgd.config, sweep: sweep.map { SweepSetting(keyPath: $0.0, value: $0.1) })
    }

    @Test func runFoldersNameTheVariantThePointAndTheSeed() throws {
        #expect(TensorBoardRunName.path(of: Self.spec("adam", seed: 3, [])) == "adam/seed-3")
        #expect(TensorBoardRunName.path(of: Self.spec("adam", seed: 0, [("optimizer.lr", "0.01"), ("train.batch_size", "full")]))
                == "adam/optimizer.lr=0.01,train.batch_size=full/seed-0")
        let unsafe = TensorBoardRunName.point([SweepSetting(keyPath: "data.path", value: "a/b\\c\nd")])
        #expect(unsafe == "data.path=a_b_c_d")
        // The SHA-256 of "k=" and 300 x's begins c9f1d65a225582b2 (sha256sum).
        let long = TensorBoardRunName.point([SweepSetting(keyPath: "k", value: String(repeating: "x", count: 300))])
        #expect(long == "point-c9f1d65a225582b2")
        for name in [unsafe, long] { try SafeName.check(name, as: "run folder") }
    }
}
