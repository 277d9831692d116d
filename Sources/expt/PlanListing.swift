import ExptManifest
import ExptRunner
import Foundation

/// The runs of a manifest with their ids, expected costs and shards, as `expt plan` prints them.
struct PlanListing {
    let experiment: Experiment
    let runs: [RunSpec]
    let plan: ShardPlan

    /// The listing of `runs` (by default, every run `experiment` declares) split into `shards`.
    init(experiment: Experiment, runs: [RunSpec]? = nil, shards: Int) {
        self.experiment = experiment
        self.runs = runs ?? experiment.runs
        plan = ShardPlan(runs: self.runs, count: shards)
    }

    /// An aligned table, one run per line in the manifest's order, then one line per shard.
    func text() -> String {
        let swept = runs.contains { !$0.sweep.isEmpty }
        var rows = [["id", "variant", "seed"] + (swept ? ["sweep"] : []) + ["cost", "shard"]]
        for (index, spec) in runs.enumerated() {
            let sweep = spec.sweep.map { "\($0.keyPath)=\($0.value)" }.joined(separator: ",")
            rows.append([spec.id, spec.variant, "\(spec.seed)"] + (swept ? [sweep] : [])
                        + [Self.format(plan.costs[index]), "\(plan.shards[index])"])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        var text = "\(experiment.name): \(Self.count(runs.count, "run")) in \(Self.count(plan.count, "shard"))\n"
        for row in rows {
            let cells = row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            text += cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        let total = plan.costs.reduce(0, +)
        let runCounts = plan.runCounts
        for (shard, cost) in plan.shardCosts.enumerated() {
            let share = total > 0 ? String(format: "%.1f", 100 * cost / total) : "0.0"
            text += "shard \(shard): \(Self.count(runCounts[shard], "run")), cost \(Self.format(cost)) (\(share)%)\n"
        }
        return text
    }

    /// `{"experiment", "shards", "runs": [{"id", "variant", "seed", "sweep", "cost", "shard"}], "shard_costs"}`,
    /// keys sorted, runs in the manifest's order.
    func json() -> String {
        struct Setting: Encodable { let key: String, value: String }
        struct Run: Encodable { let id: String, variant: String, seed: UInt64, sweep: [Setting], cost: Double, shard: Int }
        struct Listing: Encodable {
            let experiment: String, shards: Int, runs: [Run]
            let shard_costs: [Double]
        }
        let listing = Listing(
            experiment: experiment.name, shards: plan.count,
            runs: runs.enumerated().map { index, spec in
                Run(id: spec.id, variant: spec.variant, seed: spec.seed,
                    sweep: spec.sweep.map { Setting(key: $0.keyPath, value: $0.value) },
                    cost: plan.costs[index], shard: plan.shards[index])
            },
            shard_costs: plan.shardCosts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, integers and finite numbers always encode.
        return String(decoding: try! encoder.encode(listing), as: UTF8.self) + "\n"
    }

    /// A cost as a whole number, or in scientific notation from 10^15 on.
    static func format(_ cost: Double) -> String {
        cost < 1e15 ? String(Int(cost.rounded())) : String(format: "%.3e", cost)
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
