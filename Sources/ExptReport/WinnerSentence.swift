import ExptManifest

/// The sentence under the comparison table that names the winner, and says so when the
/// seeds do not resolve the difference to the runner-up.
enum WinnerSentence {
    /// The sentence for variants ranked best first (see `VariantResult.ranked`).
    ///
    /// The difference counts as resolved only when both the winner and the runner-up have at
    /// least two seeds and their means differ by more than the larger of their two standard
    /// deviations.
    static func text(ranked: [VariantResult], metric: Metric) -> String {
        let finals = ranked.compactMap { result in
            result.final(metric).flatMap { $0.mean.isNaN ? nil : (name: Markdown.inline(result.name), spread: $0) }
        }
        guard let winner = finals.first else {
            return "No variant has a completed run, so there is no winner."
        }
        let final = "final \(metric.rawValue)"
        let winnerText = "\(Markdown.metric(winner.spread)) over \(Markdown.seeds(winner.spread.count))"
        guard finals.count > 1 else {
            return "**\(winner.name)** is the only variant with results to compare: \(final) \(winnerText)."
        }
        let runnerUp = finals[1]
        let runnerUpText = "\(Markdown.metric(runnerUp.spread)) over \(Markdown.seeds(runnerUp.spread.count))"
        let gap = abs(winner.spread.mean - runnerUp.spread.mean)
        let widest = max(winner.spread.standardDeviation, runnerUp.spread.standardDeviation)
        if min(winner.spread.count, runnerUp.spread.count) < 2 {
            return "**\(winner.name)** has the best \(final), \(winnerText), ahead of the runner-up "
                + "\(runnerUp.name) at \(runnerUpText), but a single seed gives no estimate of the spread: "
                + "the difference is not resolved by these seeds."
        }
        if gap > widest {
            return "**\(winner.name)** reaches the best \(final), \(winnerText); "
                + "the runner-up \(runnerUp.name) is at \(runnerUpText)."
        }
        return "**\(winner.name)** has the best mean \(final), \(winnerText), but the runner-up "
            + "\(runnerUp.name), at \(runnerUpText), is within one standard deviation: "
            + "the difference is not resolved by these seeds."
    }
}
