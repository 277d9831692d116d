/// `train_eval_loss` and `train_accuracy` are recorded only by runs with `train.evaluate_train:
/// true`, and `train_accuracy` only on classification data: a comparison, a plateau schedule or
/// an expectation that names one of them for a run that does not record it is refused.
extension ManifestDecoder {
    /// Why a run of `config` records no `metric`; nil when it does.
    private static func missingReason(_ metric: Metric, _ config: RunConfig) -> String? {
        if metric == .trainAccuracy, config.data.dataset.isRegression {
            return "the regression dataset \(config.data.dataset.name) records no train_accuracy"
        }
        if metric.needsTrainingEvaluation, !config.train.evaluateTraining {
            return "\(metric.rawValue) needs train.evaluate_train: true"
        }
        return nil
    }

    /// The metric of a plateau schedule, at its `metric` value.
    func checkTrainingEvaluation(schedule: ScheduleConfig?, tree: Tree?, config: RunConfig) {
        guard let watching = schedule?.kind.settings as? any MetricMonitoringSchedule, let tree,
              let reason = Self.missingReason(watching.metric, config) else { return }
        error(tree["metric"] ?? tree, "schedule \(type(of: watching).name) watches \(watching.metric.rawValue), but \(reason)")
    }

    /// `compare.metric` against every point of every variant, at its value.
    func checkTrainingEvaluation(_ compare: Comparison, compareTree: Tree?, variants: [Variant]) {
        guard let metricTree = compareTree?["metric"] else { return }
        for variant in variants {
            for point in variant.points {
                guard let reason = Self.missingReason(compare.metric, point.config) else { continue }
                error(metricTree, "compare.metric is \(compare.metric.rawValue), but in variant \(Tree.quote(variant.name)) \(reason)")
                return
            }
        }
    }

    /// `expectations` (one per item of `tree`, in order) against the variants they name.
    func checkTrainingEvaluation(of expectations: [Expectation], tree: Tree, variants: [Variant]) {
        for (expectation, item) in zip(expectations, tree.items ?? [tree]) {
            var operands = [expectation.left]
            if case .operand(let right) = expectation.right { operands.append(right) }
            for operand in operands {
                guard let metric = Metric(rawValue: operand.metric.rawValue),
                      let variant = variants.first(where: { $0.name == operand.variant }),
                      let reason = variant.points.lazy.compactMap({ Self.missingReason(metric, $0.config) }).first else { continue }
                error(item, "\(operand): in variant \(Tree.quote(operand.variant)) \(reason)")
                break
            }
        }
    }
}
