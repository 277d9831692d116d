import ExptYAML

/// `data.validation: 0` leaves a variant without a validation set, so no run of it records
/// `val_loss` or `val_accuracy`: a comparison that ranks on one of them (by default
/// `val_accuracy`) is refused, as are a plateau schedule that watches one and an expectation
/// that names one of such a variant.
extension ManifestDecoder {
    func checkValidationMetrics(_ compare: Comparison, compareTree: Tree?, variantsTree: Tree?, dataTree: Tree?, variants: [Variant]) {
        let entries = variantsTree?.entries ?? []
        for variant in variants where variant.points.contains(where: { $0.config.data.validation == 0 }) {
            let entry = entries.first { $0.key == variant.name }
            let validationTree = entry?.value["data"]?["validation"] ?? dataTree?["validation"]
            let name = Tree.quote(variant.name)
            if [.validationLoss, .validationAccuracy].contains(compare.metric) {
                let found = compare.metric.rawValue
                if let metricTree = compareTree?["metric"], !metricTree.isNull {
                    error(metricTree, "expected train_loss, found \(found): variant \(name) has no validation set (data.validation is 0)")
                } else if let validationTree {
                    error(validationTree, "variant \(name) has no validation set, and compare.metric is \(found) by default; set compare.metric: train_loss")
                }
                return
            }
            for point in variant.points {
                guard let watching = point.config.schedule?.kind.settings as? any MetricMonitoringSchedule,
                      [.validationLoss, .validationAccuracy].contains(watching.metric), point.config.data.validation == 0,
                      let entry else { continue }
                error(at: entry.keyMark, source: entry.keySource, path: entry.path,
                      "schedule \(type(of: watching).name) watches \(watching.metric.rawValue), but variant \(name) has no validation set (data.validation is 0); set schedule.metric: train_loss")
                break
            }
        }
    }

    /// `expectations` (one per item of `tree`, in order) against the variants without a validation set.
    func checkValidationMetrics(of expectations: [Expectation], tree: Tree, variants: [Variant]) {
        let withoutValidation = Set(variants.filter { $0.points.contains { $0.config.data.validation == 0 } }.map(\.name))
        for (expectation, item) in zip(expectations, tree.items ?? [tree]) {
            var operands = [expectation.left]
            if case .operand(let right) = expectation.right { operands.append(right) }
            for operand in operands where withoutValidation.contains(operand.variant)
                && [.validationLoss, .validationAccuracy].contains(operand.metric) {
                error(item, "\(operand): variant \(Tree.quote(operand.variant)) has no validation set (data.validation is 0); expected train_loss, test_loss or test_accuracy")
                break
            }
        }
    }
}
