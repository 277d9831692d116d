import ExptManifest
import ExptStore
import Testing
import ExptTestSupport
@testable import ExptReport

/// `expt compare` over three made-up experiments (val_accuracy, one seed each), worked by hand:
///
///     experiment  target  A: steps s  final     B: steps s  final     C: steps s  final
///     e1          0.9     20    2     0.95      10    3     0.94      never       0.7
///     e2          0.8     5     1     0.85      15    3     0.82      (not run)
///     e3          0.5     never       0.3       8     2     0.7       4     4     0.65
///
/// Step ratios to the fastest: A [2, 1, ∞], B [1, 3, 2], C [∞, –, 1]; seconds ratios:
/// A [1, 1, ∞], B [1.5, 3, 1], C [∞, –, 2].
@Suite struct CompareReportTests {
    static let a = Variant(name: "A", config: Fixture.sgd.config)
    static let b = Variant(name: "B", config: Fixture.adam.config)
    static let c = Variant(name: "C", config: Fixture.sgd.config)

    static func experiment(_ name: String, target: Double, _ variants: [Variant]) -> Experiment {
        Experiment(name: name, description: "", seeds: [0], variants: variants,
                   compare: Comparison(metric: .validationAccuracy, target: target),
                   sourcePath: "experiments/\(name).yaml", sourceText: "")
    }

    /// One run: three epochs of `stepsPerEpoch` steps and `secondsPerEpoch` seconds each.
    static func record(_ variant: Variant, _ accuracies: [Double], stepsPerEpoch: Int, secondsPerEpoch: Double) -> RunRecord {
        let epochs = accuracies.enumerated().map { index, accuracy in
            EpochMetrics(epoch: index + 1, step: (index + 1) * stepsPerEpoch, trainLoss: 1, validationLoss: 1,
                         validationAccuracy: accuracy, learningRate: 0.1, elapsedSeconds: Double(index + 1) * secondsPerEpoch)
        }
        return RunRecord(spec: RunSpec(variant: variant.name, seed: 0, config: variant.config), status: .complete,
                         epochs: epochs, seconds: 3 * secondsPerEpoch)
    }

    static let experiments = [
        ComparedExperiment(folder: "results/e1", experiment: experiment("e1", target: 0.9, [a, b, c]), records: [
            record(a, [0.5, 0.92, 0.95], stepsPerEpoch: 10, secondsPerEpoch: 1),
            record(b, [0.91, 0.93, 0.94], stepsPerEpoch: 10, secondsPerEpoch: 3),
            record(c, [0.5, 0.6, 0.7], stepsPerEpoch: 10, secondsPerEpoch: 1),
        ]),
        ComparedExperiment(folder: "results/e2", experiment: experiment("e2", target: 0.8, [a, b]), records: [
            record(a, [0.81, 0.83, 0.85], stepsPerEpoch: 5, secondsPerEpoch: 1),
            record(b, [0.6, 0.7, 0.82], stepsPerEpoch: 5, secondsPerEpoch: 1),
        ]),
        ComparedExperiment(folder: "results/e3", experiment: experiment("e3", target: 0.5, [a, b, c]), records: [
            record(a, [0.1, 0.2, 0.3], stepsPerEpoch: 4, secondsPerEpoch: 1),
            record(b, [0.2, 0.6, 0.7], stepsPerEpoch: 4, secondsPerEpoch: 1),
            record(c, [0.55, 0.6, 0.65], stepsPerEpoch: 4, secondsPerEpoch: 4),
        ]),
    ]

    @Test func theProfilesAreTheHandComputedOnes() throws {
        let report = try CompareReport(Self.experiments, grouping: .variant)
        let inf = Double.infinity
        let steps: [String: [Double?]] = ["A": [2, 1, inf], "B": [1, 3, 2], "C": [inf, nil, 1]]
        let seconds: [String: [Double?]] = ["A": [1, 1, inf], "B": [1.5, 3, 1], "C": [inf, nil, 2]]
        #expect(report.steps.ratios == steps)
        #expect(report.seconds.ratios == seconds)
        // ρ_A steps at 1, 2, 4: 1/3, 2/3, 2/3; ρ_C's denominator is the 2 experiments C ran.
        let third = 1.0 / 3, twoThirds = 2.0 / 3
        let a: [Double?] = [1, 1.5, 2, 4, 100].map { report.steps.fraction("A", within: $0) }
        let b: [Double?] = [1, 2, 2.9, 3].map { report.steps.fraction("B", within: $0) }
        let c: [Double?] = [1, 1000].map { report.steps.fraction("C", within: $0) }
        #expect(a == [third, third, twoThirds, twoThirds, twoThirds])
        #expect(b == [third, twoThirds, twoThirds, 1])
        #expect(c == [0.5, 0.5])
        #expect(report.steps.fraction("D", within: 1) == nil)
        #expect(report.steps.steps("B") == [1, 2, 3] && report.steps.largestTau == 6)
    }

    @Test func theTableCellByCell() throws {
        let markdown = try CompareReport(Self.experiments, grouping: .variant).markdown
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }.map {
            $0.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
        #expect(rows == [
            ["optimizer", "e1", "e2", "e3", "ran in", "steps ρ(1)", "steps ρ(2)", "steps ρ(4)", "seconds ρ(1)", "seconds ρ(2)", "seconds ρ(4)"],
            ["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:"],
            ["A", "#1 (0.95)", "#1 (0.85)", "#3 (0.3)", "3 of 3", "1/3", "2/3", "2/3", "2/3", "2/3", "2/3"],
            ["B", "#2 (0.94)", "#2 (0.82)", "#1 (0.7)", "3 of 3", "1/3", "2/3", "3/3", "1/3", "2/3", "3/3"],
            ["C", "#3 (0.7)", "*not run*", "#2 (0.65)", "2 of 3", "1/2", "1/2", "1/2", "0/2", "1/2", "1/2"],
        ])
        #expect(markdown.hasPrefix("""
            # Comparison of 3 experiments

            Optimizers are the variants, by name (`--by variant`). Each experiment's score and target:

            - **e1** (`results/e1`): final val_accuracy, higher is better; target 0.9
            - **e2** (`results/e2`): final val_accuracy, higher is better; target 0.8
            - **e3** (`results/e3`): final val_accuracy, higher is better; target 0.5

            """))
        #expect(markdown.hasSuffix("![Performance profiles in steps](profile.svg)\n"))
    }

    @Test func theCSVByteForByte() throws {
        #expect(try CompareReport(Self.experiments, grouping: .variant).csv == """
            optimizer,experiment,metric,goal,target,ran,rank,score,steps_to_target,seconds_to_target,steps_ratio,seconds_ratio
            A,e1,val_accuracy,max,0.9,true,1,0.95,20.0,2.0,2.0,1.0
            A,e2,val_accuracy,max,0.8,true,1,0.85,5.0,1.0,1.0,1.0
            A,e3,val_accuracy,max,0.5,true,3,0.3,inf,inf,inf,inf
            B,e1,val_accuracy,max,0.9,true,2,0.94,10.0,3.0,1.0,1.5
            B,e2,val_accuracy,max,0.8,true,2,0.82,15.0,3.0,3.0,3.0
            B,e3,val_accuracy,max,0.5,true,1,0.7,8.0,2.0,2.0,1.0
            C,e1,val_accuracy,max,0.9,true,3,0.7,inf,inf,inf,inf
            C,e2,val_accuracy,max,0.8,false,,,,,,
            C,e3,val_accuracy,max,0.5,true,2,0.65,4.0,4.0,1.0,2.0

            """)
    }

    /// By optimizer, A and C (both sgd) are one: the better-ranked of them stands for sgd.
    @Test func byOptimizerTheBestRankedVariantStandsForIt() throws {
        let report = try CompareReport(Self.experiments, grouping: .optimizer)
        #expect(report.optimizers == ["sgd", "adam"])
        let ratios: [String: [Double?]] = ["sgd": [2, 1, 1], "adam": [1, 3, 2]]
        #expect(report.steps.ratios == ratios)
        #expect(report.standings.map { $0.entries["sgd"]?.rank } == [1, 1, 2])
    }

    /// The chart: one step line per optimizer, from τ = 1 to 2 · 3 = 6 (axis up to 10).
    @Test func theChartDrawsOneStepLinePerOptimizer() throws {
        let svg = try #require(CompareReport(Self.experiments, grouping: .variant).files.first { $0.name == "profile.svg" }).text
        #expect(svg.components(separatedBy: "data-series=").count == 4)
        #expect(svg.contains(">Performance profiles: steps to the target</text>"))
    }

    @Test func anExperimentWithoutATargetIsRefused() {
        var experiments = Self.experiments
        experiments[1] = ComparedExperiment(folder: "results/e2", experiment: Self.experiment("e2", target: 0.8, [Self.a]).withoutTarget,
                                            records: [])
        #expect(throws: StoreError("results/e2: its manifest sets no compare.target; expt compare needs one in every experiment to time the optimizers")) {
            try CompareReport(experiments, grouping: .variant)
        }
    }

    @Test func anExperimentComparedTwiceIsRefused() {
        let twice = [Self.experiments[0], ComparedExperiment(folder: "copy/e1", experiment: Self.experiments[0].experiment, records: [])]
        #expect(throws: StoreError(#"results/e1 and copy/e1 both hold the experiment "e1"; compare each experiment once"#)) {
            try CompareReport(twice, grouping: .variant)
        }
    }

    @Test func aFolderThatIsNotAResultsFolderIsNamed() throws {
        let temporary = try TemporaryFolder("compare")
        defer { temporary.remove() }
        #expect(throws: StoreError("\(temporary.path) is not a results folder (it has no layout file); expt compare reads the folders `expt run` writes")) {
            try ComparedExperiment.check(ResultsFolder(path: temporary.path))
        }
        #expect(throws: StoreError("\(temporary.path)/none is not a results folder (it has no layout file); expt compare reads the folders `expt run` writes")) {
            try ComparedExperiment.check(ResultsFolder(path: temporary.path + "/none"))
        }
    }
}

extension Experiment {
    var withoutTarget: Experiment {
        var copy = self
        copy.compare.target = nil
        return copy
    }
}
