import ExptYAML

/// `data.validation: 0` leaves a variant without a validation set, so no run of it records
/// `val_loss` or `val_accuracy`: a comparison that ranks on one of them (by default
/// `val_accuracy`) is refused, as is a plateau schedule that watches one.
extension ManifestDecoder {
    func checkValidationMetrics(_ compare: Comparison, compareTree: Tree?, variantsTree: Tree?, dataTree: Tree?, variants: [Variant]) {
        let entries = variantsTree?.entries ?? []
        for variant in variants where variant.points.contains(where: { $0.config.data.validation == 0 }) {
            let entry = entries.first { $0.key == variant.name }
            let validationTree = entry?.value["data"]?["validation"] ?? dataTree?["validation"]
            let name = Tree.quote(variant.name)
            if compare.metric != .trainLoss {
                let found = compare.metric.rawValue
                if let metricTree = compareTree?["metric"], !metricTree.isNull {
                    error(metricTree, "expected train_loss, found \(found): variant \(name) has no validation set (data.validation is 0)")
                } else if let validationTree {
                    error(validationTree, "variant \(name) has no validation set, and compare.metric is \(found) by default; set compare.metric: train_loss")
                }
                return
            }
            for point in variant.points {
                guard case .plateau(let plateau)? = point.config.schedule?.kind, plateau.metric != .trainLoss,
                      point.config.data.validation == 0, let entry else { continue }
                error(at: entry.keyMark, source: entry.keySource, path: entry.path,
                      "schedule plateau watches \(plateau.metric.rawValue), but variant \(name) has no validation set (data.validation is 0); set schedule.metric: train_loss")
                break
            }
        }
    }
}
