import ExptData
import ExptEngine

/// Regression datasets (`linear`, `polynomial`) train with `mse` only, and record no accuracy.
extension ManifestDecoder {
    /// Refuses cross-entropy on a regression dataset: at the `loss` value when it is written,
    /// or at `dataset` when cross-entropy is the default.
    func checkLoss(_ loss: LossKind, lossTree: Tree?, data: DecodedData) {
        guard data.classes == nil, loss == .crossEntropy else { return }
        let name = data.config.dataset.name
        if let lossTree {
            let note = variantNote(at: lossTree, involving: [data.datasetTree])
            error(lossTree, "expected mse for the regression dataset \(name), found cross_entropy\(note)")
        } else {
            error(data.datasetTree, "dataset \(name) is a regression task; set loss: mse (the default, cross_entropy, needs classes)")
        }
    }
}

extension ManifestDecoder {
    /// When a variant trains on a regression dataset, the compared metric defaults to
    /// `val_loss`, and `val_accuracy` (never recorded there) is refused at its value.
    func comparison(_ compare: Comparison, tree: Tree?, variants: [Variant]) -> Comparison? {
        guard let regression = variants.first(where: { $0.config.data.dataset.isRegression }) else { return compare }
        let dataset = regression.config.data.dataset.name
        guard let metricTree = tree?["metric"], !metricTree.isNull else {
            let goalGiven = tree?["goal"].map { !$0.isNull } ?? false
            return Comparison(metric: .validationLoss, goal: goalGiven ? compare.goal : nil,
                              target: compare.target, selection: compare.selection)
        }
        guard compare.metric != .validationAccuracy else {
            error(metricTree, "expected val_loss or train_loss for the regression dataset \(dataset) (in variant \(Tree.quote(regression.name))), found val_accuracy")
            return nil
        }
        return compare
    }
}
