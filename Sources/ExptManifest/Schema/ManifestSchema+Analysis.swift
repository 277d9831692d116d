/// The keys of `analysis` and its two measurements, with the ranges ``ManifestDecoder`` checks
/// (ManifestDecoder+Analysis.swift).
extension ManifestSchema {
    static let analysis = NameSchema("(analysis)", "Measurements of the loss surface besides training, made by every run.", [
        SettingSchema("sharpness", .described("mapping"), .described("none"),
                      "λ_max of the training loss's Hessian (power iteration on central differences of gradients)."),
        SettingSchema("interpolate", .described("mapping"), .described("none"),
                      "The training and validation loss along the line from the initial to the final weights."),
    ])

    static let sharpness = NameSchema("(analysis.sharpness)", "The largest eigenvalue of the Hessian of the mean training loss; not with dropout or batchnorm.", [
        SettingSchema("examples", .integer(1...ManifestDecoder.maximumSamples), .integer(SharpnessSettings.defaultExamples),
                      "The first N training examples in the run's fixed order (all, when fewer)."),
        SettingSchema("iterations", .integer(1...ManifestDecoder.maximumSharpnessIterations), .integer(SharpnessSettings.defaultIterations),
                      "The most power-iteration steps; it stops earlier once λ changes by at most 1e-6 relative."),
        SettingSchema("every", .integer(0...ManifestDecoder.maximumEpochs), .integer(0),
                      "Measure after every N-th epoch too; 0 measures after the last epoch only."),
    ])

    static let interpolate = NameSchema("(analysis.interpolate)", "The loss at points θ(α) = (1 − α) θ₀ + α θ₁, α evenly spaced from from to to.", [
        SettingSchema("points", .integer(2...ManifestDecoder.maximumInterpolationPoints), .integer(InterpolationSettings.defaultPoints),
                      "Values of α, both ends included."),
        SettingSchema("from", .number(.finite), .value("\(InterpolationSettings.defaultFrom)"), "The first α (0 is the initial weights)."),
        SettingSchema("to", .number(.finite), .value("\(InterpolationSettings.defaultTo)"), "The last α (1 is the final weights), greater than from."),
        SettingSchema("between", .described("sequence of pairs of variant names"), .described("none"),
                      "Also the line θ(α) = (1 − α) θ_a + α θ_b between the final weights of two variants' runs with the same seed (same model, data and loss; no sweep)."),
    ])
}
