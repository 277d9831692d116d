import ExptEngine

/// `analysis`: measurements of the loss surface besides training (top level only; every variant
/// makes them).
///
/// ```yaml
/// analysis:
///   sharpness: {examples: 1000, iterations: 20, every: 0}   # λ_max of the Hessian; each key optional
///   interpolate: {points: 25, from: -0.5, to: 1.5}          # the loss from the initial to the final weights
///                                                           # (between: [[adam, sgd]] also between two variants' final weights)
/// ```
///
/// Sharpness needs gradients of one fixed function of the weights, and a network's backward
/// pass runs in training mode: a model with dropout (random masks) or batchnorm (batch
/// statistics, and running statistics it would move) is refused.
extension ManifestDecoder {
    static let analysisKeys = ["sharpness", "interpolate"]
    static let sharpnessKeys = ["examples", "iterations", "every"]
    static let interpolateKeys = ["points", "from", "to", "between"]
    static let maximumSharpnessIterations = 1000
    static let maximumInterpolationPoints = 1000

    func analysisConfig(_ tree: Tree) -> AnalysisConfig? {
        guard let fields = fields(tree, allowed: Self.analysisKeys) else { return nil }
        let start = errorCount
        let sharpness = fields.optional("sharpness").flatMap { sharpnessSettings($0) }
        let interpolation = fields.optional("interpolate").flatMap { interpolationSettings($0) }
        // `analysis: {}` measures nothing, and leaves the runs' configurations as they were.
        guard errorCount == start, sharpness != nil || interpolation != nil else { return nil }
        return AnalysisConfig(sharpness: sharpness, interpolation: interpolation)
    }

    /// Reports a variant whose model sharpness cannot measure, at `analysis.sharpness`.
    func checkSharpnessModels(_ analysis: AnalysisConfig, tree: Tree, variants: [Variant]) {
        guard analysis.sharpness != nil, let site = tree["sharpness"] else { return }
        for variant in variants {
            guard let layer = variant.config.model.first(where: { $0.kind == DropoutSpec.name || $0.kind == BatchNormSpec.name })
            else { continue }
            error(site, "expected a model without dropout and batchnorm for sharpness (their training-mode gradients are random or move running statistics), found \(layer.kind) in variant \(variant.name)")
            return
        }
    }

    private func sharpnessSettings(_ tree: Tree) -> SharpnessSettings? {
        guard let fields = fields(tree, allowed: Self.sharpnessKeys, nullIsEmpty: true) else { return nil }
        let start = errorCount
        let examples = fields.optional("examples").map { integer($0, 1...Self.maximumSamples) } ?? SharpnessSettings.defaultExamples
        let iterations = fields.optional("iterations").map { integer($0, 1...Self.maximumSharpnessIterations) }
            ?? SharpnessSettings.defaultIterations
        let every = fields.optional("every").map { integer($0, 0...Self.maximumEpochs) } ?? 0
        guard errorCount == start, let examples, let iterations, let every else { return nil }
        return SharpnessSettings(examples: examples, iterations: iterations, every: every)
    }

    private func interpolationSettings(_ tree: Tree) -> InterpolationSettings? {
        guard let fields = fields(tree, allowed: Self.interpolateKeys, nullIsEmpty: true) else { return nil }
        let start = errorCount
        let points = fields.optional("points").map { integer($0, 2...Self.maximumInterpolationPoints) }
            ?? InterpolationSettings.defaultPoints
        let from = fields.optional("from").map { number($0, .finite) } ?? InterpolationSettings.defaultFrom
        let toTree = fields.optional("to")
        let to = toTree.map { number($0, .finite) } ?? InterpolationSettings.defaultTo
        guard errorCount == start, let points, let from, let to else { return nil }
        guard to > from else {
            error(toTree ?? tree, "expected a number greater than from (\(from)), found \(toTree?.found ?? "the default \(to)")")
            return nil
        }
        return InterpolationSettings(points: points, from: from, to: to)
    }
}
