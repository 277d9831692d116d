import ExptManifest

/// Sweep sensitivity: for each swept setting, the selection value (the compared metric on the
/// validation data, final or best as `compare.selection` says; mean over seeds) against the
/// setting's value, one series per swept variant. When other settings are swept too, each
/// value shows the best over them (the profile a tuner would see). A log axis for learning
/// rates and for values that span more than a decade.
enum SensitivityChart: ChartKind {
    static let name = "sensitivity"

    /// Some variant is swept.
    static func applies(to results: ChartResults) -> Bool {
        results.ranked.contains { $0.tuning != nil }
    }

    /// One chart per swept key path whose values are numbers, in order of first appearance
    /// (the variants ranked best first): `sensitivity_<key path>.svg`.
    static func charts(of results: ChartResults) -> [Chart] {
        let compare = results.experiment.compare
        let swept = results.ranked.compactMap { result in result.tuning.map { (name: result.name, tuning: $0) } }
        var keyPaths: [String] = []
        for point in swept.flatMap({ $0.tuning.points }) {
            for setting in point.settings where !keyPaths.contains(setting.keyPath) { keyPaths.append(setting.keyPath) }
        }
        return keyPaths.compactMap { keyPath in
            let series = swept.compactMap { variant in Self.series(variant.name, variant.tuning, keyPath: keyPath, goal: compare.goal) }
            guard !series.isEmpty else { return nil }
            let xs = series.flatMap { $0.line.map(\.x) }
            let positive = xs.allSatisfy { $0 > 0 }
            let isRate = keyPath.split(separator: ".").last.map { $0 == "lr" || $0.hasSuffix("_lr") } ?? false
            let value = "\(compare.selection.rawValue) \(compare.metric.rawValue)"
            var chart = LineChart(title: "Sensitivity to \(keyPath) (\(value), mean over seeds)",
                                  xLabel: keyPath, yLabel: value, series: series)
            chart.xScale = positive && (isRate || xs.max()! / xs.min()! > 10) ? .logarithmic : .linear
            let file = "sensitivity_" + keyPath.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" } + ".svg"
            return Chart(file: String(file), title: "Sensitivity to \(keyPath)", svg: chart.svg, lines: chart)
        }
    }

    /// The best mean score over the points with each numeric value of `keyPath`, by value.
    static func series(_ name: String, _ tuning: TuningChoice, keyPath: String, goal: Goal) -> LineChart.Series? {
        var best: [Double: Double] = [:]
        for point in tuning.points {
            guard let text = point.settings.first(where: { $0.keyPath == keyPath })?.value, let x = Double(text),
                  let score = point.score?.mean, score.isFinite else { continue }
            if let current = best[x], !goal.prefers(score, over: current) { continue }
            best[x] = score
        }
        guard !best.isEmpty else { return nil }
        return LineChart.Series(name: name, line: best.keys.sorted().map { (x: $0, y: best[$0]!) }, band: [])
    }
}
