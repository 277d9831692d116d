import ExptManifest

/// The sentence under the comparison table that names the winner only when the seeds resolve
/// the difference to the runner-up, and otherwise says that they do not.
enum WinnerSentence {
    /// The sentence for variants ranked best first (see `VariantResult.ranked`).
    ///
    /// The difference counts as resolved only when both the winner and the runner-up have at
    /// least two seeds and the 95% confidence intervals of their means do not overlap. Runs
    /// that are `deterministic` (a 2D test function from a fixed start) need no second seed:
    /// their values are the result, and the sentence says so.
    static func text(ranked: [VariantResult], metric: Metric, deterministic: Bool = false) -> String {
        let finals = ranked.compactMap { result in
            result.final(metric).flatMap { $0.mean.isNaN ? nil : (name: Markdown.inline(result.name), spread: $0) }
        }
        guard let winner = finals.first else {
            return "No variant has a completed run, so there is no winner."
        }
        let final = "final \(metric.rawValue)"
        let winnerText = "\(Markdown.interval(winner.spread)) over \(Markdown.seeds(winner.spread.count))"
        guard finals.count > 1 else {
            return "**\(winner.name)** is the only variant with results to compare: \(final) \(winnerText)."
        }
        let runnerUp = finals[1]
        let runnerUpText = "\(Markdown.interval(runnerUp.spread)) over \(Markdown.seeds(runnerUp.spread.count))"
        if deterministic {
            return "**\(winner.name)** has the best \(final), \(Markdown.interval(winner.spread)), ahead of \(runnerUp.name) "
                + "at \(Markdown.interval(runnerUp.spread)); the runs are deterministic (a fixed start on a 2D test "
                + "function), so another seed would give the same values."
        }
        guard let winnerInterval = winner.spread.confidenceInterval,
              let runnerUpInterval = runnerUp.spread.confidenceInterval else {
            return "\(winner.name) has the best mean \(final), \(winnerText), ahead of \(runnerUp.name) at "
                + "\(runnerUpText), but a single seed gives no confidence interval: "
                + "the difference is not resolved by these seeds."
        }
        if !winnerInterval.overlaps(runnerUpInterval) {
            return "**\(winner.name)** wins on \(final) with \(winnerText); the runner-up \(runnerUp.name) is at "
                + "\(runnerUpText), and the 95% confidence intervals do not overlap."
        }
        return "\(winner.name) has the best mean \(final), \(winnerText), but its 95% confidence interval overlaps "
            + "that of \(runnerUp.name), at \(runnerUpText): the difference is not resolved by these seeds."
    }
}
