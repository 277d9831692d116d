import ExptManifest
import ExptStore

/// `expt compare`: several experiments side by side. For each optimizer (a variant name, or
/// the optimizer's name: ``CompareGrouping``), its rank and score in each experiment, and its
/// performance profiles in optimizer steps and in seconds to each experiment's target
/// (``PerformanceProfile``). Written as `compare.md` (one table and the chart), `compare.csv`
/// (one row per optimizer and experiment) and `profile.svg` (the steps profile); the format is
/// described in docs/compare.md.
public struct CompareReport {
    /// The τ at which the table reads each profile.
    static let tableTaus: [Double] = [1, 2, 4]

    let experiments: [ComparedExperiment]
    let grouping: CompareGrouping
    let standings: [ExperimentStanding]
    /// Every optimizer, in order of first appearance (experiment by experiment).
    let optimizers: [String]
    let steps: PerformanceProfile
    let seconds: PerformanceProfile

    /// Throws when an experiment sets no target, or two folders hold experiments of one name.
    public init(_ experiments: [ComparedExperiment], grouping: CompareGrouping) throws(StoreError) {
        var seen: [String: String] = [:]
        for compared in experiments {
            if let other = seen[compared.experiment.name] {
                throw StoreError("\(other) and \(compared.folder) both hold the experiment \(compared.experiment.name.debugDescription); compare each experiment once")
            }
            seen[compared.experiment.name] = compared.folder
        }
        var standings: [ExperimentStanding] = []
        for compared in experiments { standings.append(try ExperimentStanding(compared, grouping: grouping)) }
        self.experiments = experiments
        self.grouping = grouping
        self.standings = standings
        var optimizers: [String] = []
        for name in standings.flatMap(\.optimizers) where !optimizers.contains(name) { optimizers.append(name) }
        self.optimizers = optimizers
        steps = PerformanceProfile(times: standings.map { $0.entries.mapValues(\.steps) }, optimizers: optimizers)
        seconds = PerformanceProfile(times: standings.map { $0.entries.mapValues(\.seconds) }, optimizers: optimizers)
    }

    /// The files, by name.
    public var files: [(name: String, text: String)] {
        [("compare.md", markdown), ("compare.csv", csv), ("profile.svg", ProfileChart.svg(steps, optimizers: optimizers, measure: "steps"))]
    }

    /// Writes the files into `folder`, created when missing, each atomically.
    public func write(to folder: String) throws(StoreError) {
        try StoreFile.makeDirectory(folder)
        for file in files { try ResultsFolder(path: folder).write(file.text, to: file.name) }
    }

    var markdown: String {
        let names = standings.map { Markdown.inline($0.name) }
        var text = "# Comparison of \(experiments.count) experiment\(experiments.count == 1 ? "" : "s")\n\n"
        text += "Optimizers are the \(grouping == .variant ? "variants, by name" : "optimizers the variants train with, each the best-ranked of its variants") (`--by \(grouping.rawValue)`). Each experiment's score and target:\n\n"
        for (compared, standing) in zip(experiments, standings) {
            let direction = standing.compare.goal == .maximize ? "higher is better" : "lower is better"
            text += "- **\(Markdown.inline(standing.name))** (\(Markdown.code(compared.folder))): final \(standing.compare.metric.rawValue), \(direction); target \(Markdown.number(standing.target))\n"
        }
        let profileHeader = Self.tableTaus.map { "steps ρ(\(Markdown.number($0)))" } + Self.tableTaus.map { "seconds ρ(\(Markdown.number($0)))" }
        let rows = optimizers.map { optimizer in
            [Markdown.inline(optimizer)] + standings.map { Self.cell($0.entries[optimizer]) } + [ranCell(optimizer)]
                + Self.tableTaus.map { ratioCell(steps, optimizer, $0) } + Self.tableTaus.map { ratioCell(seconds, optimizer, $0) }
        }
        text += "\n" + Markdown.table(header: ["optimizer"] + names + ["ran in"] + profileHeader,
                                      alignRight: [false] + names.map { _ in true } + [true] + profileHeader.map { _ in true }, rows: rows)
        text += """

            A cell of an experiment is the optimizer's rank there and its score (the mean final metric over \
            its completed runs, which that experiment's report ranks by); *not run*: no stored run there. \
            ρ(τ) is the share of the experiments the optimizer ran (*ran in*) in which its median time to the \
            target (steps, or seconds) was at most τ times the fastest optimizer's; an optimizer that did not \
            reach a target never counts for it, and an experiment it did not run is left out of its share \
            (docs/compare.md).

            ![Performance profiles in steps](profile.svg)

            """
        return text
    }

    /// `#1 (0.9312)`, `no completed run` or `not run`.
    static func cell(_ entry: ExperimentStanding.Entry?) -> String {
        guard let entry else { return "*not run*" }
        guard let rank = entry.rank, let score = entry.score else { return "no completed run" }
        return "#\(rank) (\(Markdown.metric(score)))"
    }

    /// `2 of 3`: the experiments the optimizer ran, of all.
    func ranCell(_ optimizer: String) -> String {
        "\(steps.ran(optimizer).count) of \(standings.count)"
    }

    /// ρ(τ) as the count over the optimizer's experiments: `2/3`.
    func ratioCell(_ profile: PerformanceProfile, _ optimizer: String, _ tau: Double) -> String {
        let ratios = profile.ran(optimizer)
        return "\(ratios.filter { $0 <= tau }.count)/\(ratios.count)"
    }

    /// One row per optimizer and experiment, optimizers in the table's order.
    var csv: String {
        var text = CSV.line(["optimizer", "experiment", "metric", "goal", "target", "ran", "rank", "score",
                             "steps_to_target", "seconds_to_target", "steps_ratio", "seconds_ratio"])
        for optimizer in optimizers {
            for (index, standing) in standings.enumerated() {
                let entry = standing.entries[optimizer]
                text += CSV.line([optimizer, standing.name, standing.compare.metric.rawValue, standing.compare.goal.rawValue,
                                  CSV.number(standing.target), entry == nil ? "false" : "true", CSV.number(entry?.rank),
                                  CSV.number(entry?.score), CSV.number(entry?.steps), CSV.number(entry?.seconds),
                                  CSV.number(steps.ratios[optimizer]?[index]), CSV.number(seconds.ratios[optimizer]?[index])])
            }
        }
        return text
    }
}
