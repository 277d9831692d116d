import ExptData
import ExptEngine
import ExptOptim
import Foundation
import Testing
@testable import ExptManifest

/// `sweep`: grid, zip and random points, expanded into runs variant x point x seed.
struct SweepTests {
    private func decode(_ sweep: String, seeds: String = "[0]") throws -> Experiment {
        try ManifestLoader.decode(text: Self.manifest(sweep, seeds: seeds), path: "x.yaml")
    }

    static func manifest(_ sweep: String, seeds: String = "[0]") -> String {
        """
        name: demo
        seeds: \(seeds)
        data: {dataset: spirals, classes: 3}
        model: [{dense: 16, activation: relu}, {dense: 3}]
        train: {epochs: 10}
        optimizer: {name: sgd, lr: 0.1}
        \(sweep)
        variants:
          sgd: {}
          adam:
            optimizer: {name: adam}
            sweep: {zip: {optimizer.lr: [0.001, 0.01], optimizer.betas: [[0.9, 0.99], [0.8, 0.9]]}}
        """
    }

    private func settings(_ run: RunSpec) -> String {
        run.sweep.map { "\($0.keyPath)=\($0.value)" }.joined(separator: " ")
    }

    @Test func gridTimesSeedsInOrder() throws {
        let experiment = try decode("sweep: {grid: {optimizer.lr: [0.01, 0.1], train.batch_size: [32, full]}}", seeds: "[0, 1]")
        let runs = experiment.runs
        #expect(runs.count == 4 * 2 + 2 * 2)
        #expect(runs.map { "\($0.variant) \($0.seed) \(settings($0))" } == [
            "sgd 0 optimizer.lr=0.01 train.batch_size=32", "sgd 1 optimizer.lr=0.01 train.batch_size=32",
            "sgd 0 optimizer.lr=0.01 train.batch_size=full", "sgd 1 optimizer.lr=0.01 train.batch_size=full",
            "sgd 0 optimizer.lr=0.1 train.batch_size=32", "sgd 1 optimizer.lr=0.1 train.batch_size=32",
            "sgd 0 optimizer.lr=0.1 train.batch_size=full", "sgd 1 optimizer.lr=0.1 train.batch_size=full",
            "adam 0 optimizer.lr=0.001 optimizer.betas=[0.9, 0.99]", "adam 1 optimizer.lr=0.001 optimizer.betas=[0.9, 0.99]",
            "adam 0 optimizer.lr=0.01 optimizer.betas=[0.8, 0.9]", "adam 1 optimizer.lr=0.01 optimizer.betas=[0.8, 0.9]",
        ])
        #expect(runs[2].config.optimizer == .sgd(SGDHyperparameters(lr: 0.01)))
        #expect(runs[2].config.train.batchSize == .full)
        #expect(runs[4].config.train.batchSize == .size(32))
        #expect(runs[10].config.optimizer == .adam(AdamHyperparameters(lr: 0.01, beta1: 0.8, beta2: 0.9)))
        // The variant's config is its first point's.
        #expect(experiment.variants[0].config == runs[0].config)
    }

    @Test func logAndLinearRanges() throws {
        let experiment = try decode("""
            sweep:
              grid:
                optimizer.lr: {from: 1.0e-4, to: 1.0e-1, log: true, count: 4}
                train.batch_size: {from: 16, to: 128, log: true, count: 4}
                optimizer.momentum: {from: 0, to: 0.9, count: 3}
            """)
        let sgd = experiment.runs.filter { $0.variant == "sgd" }
        #expect(sgd.count == 4 * 4 * 3)
        // 10^-4, 10^-3, 10^-2, 10^-1; 16·2^k; 0, 0.45, 0.9.
        #expect(Set(sgd.map(\.sweep[0].value)) == ["0.0001", "0.001", "0.01", "0.1"])
        #expect(Set(sgd.map(\.sweep[1].value)) == ["16", "32", "64", "128"])
        #expect(Set(sgd.map(\.sweep[2].value)) == ["0.0", "0.45", "0.9"])
        #expect(sgd[1].config.optimizer == .sgd(SGDHyperparameters(lr: 1e-4, momentum: 0.45)))
        #expect(sgd[3].config.train.batchSize == .size(32))
        #expect(sgd.last?.config.optimizer == .sgd(SGDHyperparameters(lr: 0.1, momentum: 0.9)))
    }

    @Test func randomSweepsAreDeterministicAndDrawFromTheSeededGenerator() throws {
        let sweep = "sweep: {random: {optimizer.lr: {from: 1.0e-4, to: 1.0e-2, log: true}, train.batch_size: [16, 32, 64]}, samples: 5, seed: 7}"
        let first = try decode(sweep).runs.filter { $0.variant == "sgd" }
        let again = try decode(sweep).runs.filter { $0.variant == "sgd" }
        #expect(first.count == 5)
        #expect(first.map(\.sweep) == again.map(\.sweep))
        // The draws, in order: for each sample, u for lr, then an index for the batch size.
        var generator = SeededGenerator(seed: 7)
        for run in first {
            let lr = Foundation.pow(10, -4 + 2 * generator.nextDouble())
            let batch = [16, 32, 64][generator.nextInt(below: 3)]
            #expect(run.sweep == [SweepSetting(keyPath: "optimizer.lr", value: "\(lr)"), SweepSetting(keyPath: "train.batch_size", value: "\(batch)")])
            #expect(run.config.train.batchSize == .size(batch))
        }
        let other = try decode(edit(sweep, "seed: 7", "seed: 8")).runs.filter { $0.variant == "sgd" }
        #expect(other.map(\.sweep) != first.map(\.sweep))
    }

    @Test func aVariantCanTurnTheSweepOff() throws {
        let text = edit(Self.manifest("sweep: {grid: {optimizer.lr: [0.01, 0.1]}}"), "sgd: {}", "sgd: {sweep: {}}")
        let runs = try ManifestLoader.decode(text: text, path: "x.yaml").runs
        #expect(runs.map(\.variant) == ["sgd", "adam", "adam"])
        #expect(runs[0].sweep.isEmpty)
    }

    static let errorCases: [(sweep: String, expected: String)] = [
        ("sweep: {grid: {optimizer.lr: [0.1, -1]}}", """
            x.yaml:7:36: error: sweep.grid.optimizer.lr[1]: expected a positive number, found -1
            sweep: {grid: {optimizer.lr: [0.1, -1]}}
                                               ^
            """),
        ("sweep: {zip: {optimizer.lr: [0.1, 0.2], optimizer.momentum: [0.9]}}", """
            x.yaml:7:61: error: sweep.zip.optimizer.momentum: expected 2 values, as many as optimizer.lr, found 1
            sweep: {zip: {optimizer.lr: [0.1, 0.2], optimizer.momentum: [0.9]}}
                                                                        ^
            """),
        ("sweep: {grid: {optimiser.lr: [0.1]}}", """
            x.yaml:7:16: error: sweep.grid.optimiser.lr: unknown key "optimiser"; did you mean "optimizer"?
            sweep: {grid: {optimiser.lr: [0.1]}}
                           ^
            """),
        ("sweep: {grid: {optimizer.lrr: [0.1]}}", """
            x.yaml:7:32: error: sweep.grid.optimizer.lrr[0]: unknown key "lrr"; did you mean "lr"?
            sweep: {grid: {optimizer.lrr: [0.1]}}
                                           ^
            """),
        ("sweep: {grid: {optimizer.lr: {from: 0, to: 1, log: true, count: 3}}}", """
            x.yaml:7:37: error: sweep.grid.optimizer.lr.from: expected a positive number with log: true, found 0
            sweep: {grid: {optimizer.lr: {from: 0, to: 1, log: true, count: 3}}}
                                                ^
            """),
        ("sweep: {grid: {optimizer.lr: {from: 0.1, to: 0.01, count: 3}}}", """
            x.yaml:7:46: error: sweep.grid.optimizer.lr.to: expected a number greater than from (0.1), found 0.01
            sweep: {grid: {optimizer.lr: {from: 0.1, to: 0.01, count: 3}}}
                                                         ^
            """),
        ("sweep: {grid: {optimizer.lr: {from: 0, to: 0.1, count: 3}}}", """
            x.yaml:7:30: error: sweep.grid.optimizer.lr: expected a positive number, found 0.0
            sweep: {grid: {optimizer.lr: {from: 0, to: 0.1, count: 3}}}
                                         ^
            """),
        ("sweep: {grid: {optimizer.lr: 0.1}, zip: {optimizer.lr: [1]}}", """
            x.yaml:7:30: error: sweep.grid.optimizer.lr: expected a sequence of values or a range {from, to, count}, found 0.1
            sweep: {grid: {optimizer.lr: 0.1}, zip: {optimizer.lr: [1]}}
                                         ^
            x.yaml:7:42: error: sweep.zip.optimizer.lr: optimizer.lr is already swept in grid
            sweep: {grid: {optimizer.lr: 0.1}, zip: {optimizer.lr: [1]}}
                                                     ^
            """),
        ("sweep: {random: {optimizer.lr: {from: 0.1, to: 1, count: 2}}, seed: -1}", """
            x.yaml:7:8: error: sweep: missing required key "samples"
            sweep: {random: {optimizer.lr: {from: 0.1, to: 1, count: 2}}, seed: -1}
                   ^
            x.yaml:7:51: error: sweep.random.optimizer.lr.count: unknown key "count"; expected one of: from, log, to
            sweep: {random: {optimizer.lr: {from: 0.1, to: 1, count: 2}}, seed: -1}
                                                              ^
            x.yaml:7:69: error: sweep.seed: expected a non-negative integer, found -1
            sweep: {random: {optimizer.lr: {from: 0.1, to: 1, count: 2}}, seed: -1}
                                                                                ^
            """),
        ("sweep: {samples: 3, grid: {optimizer.lr: {from: 1, to: 2, count: 100}, train.epochs: {from: 1, to: 200, count: 101}}}", """
            x.yaml:7:18: error: sweep.samples: samples needs random
            sweep: {samples: 3, grid: {optimizer.lr: {from: 1, to: 2, count: 100}, train.epochs: {from: 1, to: 200, count: 101}}}
                             ^
            """),
        ("sweep: {grid: {optimizer.lr: {from: 1, to: 2, count: 100}, train.epochs: {from: 1, to: 200, count: 101}}}", """
            x.yaml:7:8: error: sweep: expected at most 10000 sweep points, found 10100
            sweep: {grid: {optimizer.lr: {from: 1, to: 2, count: 100}, train.epochs: {from: 1, to: 200, count: 101}}}
                   ^
            """),
    ]

    @Test(arguments: errorCases)
    func errors(_ sweep: String, _ expected: String) {
        #expect(errorText(Self.manifest(sweep)) == expected)
    }
}
