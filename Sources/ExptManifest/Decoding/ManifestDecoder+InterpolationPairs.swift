import ExptData

/// `analysis.interpolate.between`: pairs of variants whose final weights are joined by a line.
///
/// ```yaml
/// analysis:
///   interpolate: {points: 25, from: -0.5, to: 1.5, between: [[adam, sgd]]}
/// ```
///
/// Each pair names two different variants of the manifest, without a sweep, that train the same
/// model on the same data with the same loss (a line between the weights of two models of other
/// shapes, or measured on other data, means nothing). Their runs store their final weights
/// (`train.save_weights` gets `final`; it is not part of the run id).
extension ManifestDecoder {
    func interpolationPairs(_ analysisTree: Tree, variants: [Variant]) -> [VariantPair] {
        guard let tree = analysisTree["interpolate"]?["between"], !tree.isNull else { return [] }
        guard let items = tree.items else {
            error(tree, "expected a sequence of pairs of variants ([[adam, sgd]]), found \(tree.found)")
            return []
        }
        var pairs: [VariantPair] = []
        for item in items {
            guard let pair = variantPair(item, variants: variants) else { continue }
            if pairs.contains(pair) {
                error(item, "the pair \(pair.first), \(pair.second) is listed twice")
            } else {
                pairs.append(pair)
            }
        }
        return pairs
    }

    private func variantPair(_ tree: Tree, variants: [Variant]) -> VariantPair? {
        guard let items = tree.items, items.count == 2 else {
            error(tree, "expected a pair of variant names ([adam, sgd]), found \(tree.items.map { "a sequence of \($0.count)" } ?? tree.found)")
            return nil
        }
        var found: [Variant] = []
        for item in items {
            guard let name = item.name, let variant = variants.first(where: { $0.name == name }) else {
                let names = variants.map(\.name).joined(separator: ", ")
                error(item, "expected the name of a variant (\(names)), found \(item.found)")
                return nil
            }
            guard variant.sweepPoints.isEmpty else {
                error(item, "expected a variant without a sweep, found \(name), which sweeps \(variant.sweepPoints.count) points")
                return nil
            }
            guard !(variant.config.data.dataset.kind is FunctionSettings) else {
                error(item, "expected a variant that trains a model, found \(name), which optimises a 2D test function")
                return nil
            }
            found.append(variant)
        }
        let (a, b) = (found[0], found[1])
        guard a.name != b.name else {
            error(items[1], "expected two different variants, found \(a.name) twice")
            return nil
        }
        let differences = [("model", a.config.model != b.config.model), ("data", a.config.data != b.config.data),
                           ("loss", a.config.loss != b.config.loss)].filter(\.1).map(\.0)
        guard differences.isEmpty else {
            error(tree, "expected two variants with the same model, data and loss, found \(a.name) and \(b.name), which differ in \(differences.joined(separator: " and "))")
            return nil
        }
        return VariantPair(a.name, b.name)
    }
}

extension Variant {
    /// The variant with `final` in `train.save_weights` (a paired variant has no sweep points).
    func savingFinalWeights() -> Variant {
        var variant = self
        if !variant.config.train.saveWeights.contains(.final) { variant.config.train.saveWeights.append(.final) }
        return variant
    }
}
