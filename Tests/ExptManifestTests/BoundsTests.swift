import Testing
@testable import ExptManifest

/// Bounds checked before anything is generated: integer sweep bounds, swept keys, runs.
struct BoundsTests {
    @Test func anIntegerSweepBoundPast2To53IsRefused() {
        let sweep = "sweep: {grid: {train.epochs: {from: 1, to: 9223372036854775807, count: 3}}}"
        #expect(errorText(SweepTests.manifest(sweep)) == """
            x.yaml:7:44: error: sweep.grid.train.epochs.to: expected an integer from -9007199254740992 to 9007199254740992 (2^53), found 9223372036854775807
            sweep: {grid: {train.epochs: {from: 1, to: 9223372036854775807, count: 3}}}
                                                       ^
            """)
    }

    @Test func aRandomIntegerBoundBelowMinus2To53IsRefused() {
        let sweep = "sweep: {random: {train.epochs: {from: -9007199254740994, to: 5}}, samples: 2}"
        #expect(errorText(SweepTests.manifest(sweep)) == """
            x.yaml:7:39: error: sweep.random.train.epochs.from: expected an integer from -9007199254740992 to 9007199254740992 (2^53), found -9007199254740994
            sweep: {random: {train.epochs: {from: -9007199254740994, to: 5}}, samples: 2}
                                                  ^
            """)
    }

    /// Bounds whose difference overflows to infinity still give finite values.
    @Test func aRangeWiderThanTheLargestDoubleStaysFinite() {
        let range = SweepRange(from: -1.0e308, to: 1.0e308, log: false, integers: false, count: 3)
        #expect(range.value(at: 0.5).number == 0)
        #expect(range.value(at: 0.5).text == "0.0")
    }

    /// An alias may repeat one long text in every position of a list: each text is bounded.
    @Test func aListedValueOfMoreThan1000BytesIsRefused() {
        let sweep = "sweep: {grid: {optimizer.lr: [\"" + String(repeating: "x", count: 1001) + "\"]}}"
        #expect(errorText(SweepTests.manifest(sweep)) == """
            x.yaml:7:31: error: sweep.grid.optimizer.lr[0]: expected a value whose texts are at most 1000 bytes, found one of 1001 bytes
            sweep: {grid: {optimizer.lr: ["\(String(repeating: "x", count: 89))...
                                          ^
            """)
    }

    @Test func atMost100SweptKeys() {
        let keys = (0...100).map { "    train.k\($0): [1]" }.joined(separator: "\n")
        #expect(errorText(SweepTests.manifest("sweep:\n  grid:\n" + keys)) == """
            x.yaml:8:3: error: sweep: expected at most 100 swept keys, found 101
              grid:
              ^
            """)
    }

    /// 10,000 random points x 10 seeds for sgd, 2 zipped points x 10 seeds for adam: 100,020
    /// runs, counted before any point is made.
    @Test func atMost100000Runs() {
        let sweep = "sweep: {random: {optimizer.lr: {from: 0.001, to: 0.1}}, samples: 10000}"
        #expect(errorText(SweepTests.manifest(sweep, seeds: "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")) == """
            x.yaml:8:1: error: variants: expected at most 100000 runs (sweep points x seeds, over every variant), found 100020
            variants:
            ^
            """)
    }

    /// 50 variants x 10,000 samples x 10 seeds, in a manifest of about 1 KB.
    @Test func fiveMillionRunsAreRefusedBeforeExpansion() {
        let variants = (0..<50).map { "  v\($0): {}" }.joined(separator: "\n")
        let text = """
            name: demo
            seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
            data: {dataset: spirals, classes: 3}
            model: [{dense: 16, activation: relu}, {dense: 3}]
            train: {epochs: 10}
            optimizer: {name: sgd, lr: 0.1}
            sweep: {random: {optimizer.lr: {from: 0.001, to: 0.1}}, samples: 10000}
            variants:
            \(variants)
            """
        #expect(errorText(text) == """
            x.yaml:8:1: error: variants: expected at most 100000 runs (sweep points x seeds, over every variant), found 5000000
            variants:
            ^
            """)
    }
}
