import ExptManifest
import ExptStore
import ExptTestSupport
import Foundation
import Testing
@testable import ExptReport

/// The lines between the final weights of two variants (`analysis.interpolate.between`): stored
/// as pairs/<a>+<b>/seed-<s>.csv, read back, and reported in landscape.csv and on the landscape chart.
@Suite struct PairLandscapeReportTests {
    static let pair = VariantPair("adam", "sgd")
    /// Seed 0: max over α ∈ [0, 1] is 1.25 at α = 0.5, the higher end 0.75: a barrier of 0.5.
    /// Seed 1: nothing between the ends rises above 0.75: a barrier of 0. Median 0.25.
    static let lines = [
        PairLandscape(pair: pair, seed: 0, points: [LandscapePoint(alpha: 0, trainLoss: 0.5, validationLoss: 1.5),
                                                    LandscapePoint(alpha: 0.5, trainLoss: 1.25, validationLoss: 2.25),
                                                    LandscapePoint(alpha: 1, trainLoss: 0.75, validationLoss: 1.75)]),
        PairLandscape(pair: pair, seed: 1, points: [LandscapePoint(alpha: 0, trainLoss: 0.5), LandscapePoint(alpha: 0.5, trainLoss: 0.5),
                                                    LandscapePoint(alpha: 1, trainLoss: 0.75)]),
    ]
    static var experiment: Experiment {
        var experiment = Fixture.experiment()
        experiment.interpolationPairs = [pair]
        return experiment
    }
    static let report = Report(experiment: experiment, records: Fixture.records, context: Fixture.context, pairs: lines)

    @Test func theBarrierIsTheHighestLossBetweenTheEndsAboveTheHigherEnd() {
        #expect(Self.lines.map(\.barrier) == [0.5, 0])
        // Points beyond [0, 1] do not count: 9 at α = −0.5 and 1.5 is outside.
        let wide = PairLandscape(pair: Self.pair, seed: 0, points: [(-0.5, 9), (0, 0.5), (0.5, 1), (1, 0.25), (1.5, 9)].map {
            LandscapePoint(alpha: $0.0, trainLoss: $0.1)
        })
        #expect(wide.barrier == 0.5)
        let withoutEnds = PairLandscape(pair: Self.pair, seed: 0, points: [LandscapePoint(alpha: 0.25, trainLoss: 1), LandscapePoint(alpha: 1, trainLoss: 0)])
        #expect(withoutEnds.barrier == nil)
    }

    @Test func landscapeCSVHasThePairsAfterTheRuns() {
        let rows = Self.report.landscapeCSV()!.split(separator: "\n")
        let id0 = RunSpec(variant: "adam", seed: 0, config: Fixture.adam.config).id
        let id1 = RunSpec(variant: "adam", seed: 1, config: Fixture.adam.config).id
        #expect(rows == ["run_id,variant,seed,path,alpha,split,loss",
                         "\(id0),adam,0,adam→sgd,0.0,train,0.5", "\(id0),adam,0,adam→sgd,0.0,val,1.5",
                         "\(id0),adam,0,adam→sgd,0.5,train,1.25", "\(id0),adam,0,adam→sgd,0.5,val,2.25",
                         "\(id0),adam,0,adam→sgd,1.0,train,0.75", "\(id0),adam,0,adam→sgd,1.0,val,1.75",
                         "\(id1),adam,1,adam→sgd,0.0,train,0.5", "\(id1),adam,1,adam→sgd,0.5,train,0.5",
                         "\(id1),adam,1,adam→sgd,1.0,train,0.75"])
    }

    @Test func theChartHasThePairAndItsBarrier() {
        let chart = Self.report.charts.last!
        #expect(chart.file == "landscape.svg")
        #expect(chart.svg.contains("adam→sgd"))
        #expect(chart.caption == "θ(α) = (1 − α) θ₀ + α θ₁; the values are in landscape.csv. "
                + "adam→sgd: from the final weights of adam (α = 0) to those of sgd with the same seed (α = 1); "
                + "barrier (max over α ∈ [0, 1] of L(α) − max(L(0), L(1)), training loss) 0.25, the median over 2 seeds.")
    }

    /// Points from α = 0.25 miss the end α = 0: the caption says the barrier is not defined.
    @Test func aBarrierWithoutBothEndsIsNotDefined() {
        let line = PairLandscape(pair: Self.pair, seed: 0, points: [LandscapePoint(alpha: 0.25, trainLoss: 1), LandscapePoint(alpha: 1, trainLoss: 0)])
        let report = Report(experiment: Self.experiment, records: Fixture.records, context: Fixture.context, pairs: [line])
        #expect(report.charts.last?.caption == "θ(α) = (1 − α) θ₀ + α θ₁; the values are in landscape.csv. "
                + "adam→sgd: from the final weights of adam (α = 0) to those of sgd with the same seed (α = 1); "
                + "its barrier is not defined: the points do not include α = 0 and α = 1.")
    }

    @Test func theLinesAreStoredAndReadBack() throws {
        let scratch = try TemporaryFolder("pairs")
        defer { scratch.remove() }
        let folder = ResultsFolder(path: scratch.path)
        for line in Self.lines { try folder.save(line) }
        let text = try String(contentsOfFile: scratch.file("pairs/adam+sgd/seed-0.csv"), encoding: .utf8)
        #expect(text == "alpha,train_loss,val_loss\n0,0.5,1.5\n0.5,1.25,2.25\n1,0.75,1.75\n")
        #expect(folder.pairLandscapes(for: Self.experiment) == Self.lines)
        #expect(folder.pairLandscapes(for: Fixture.experiment()) == [])
    }
}
