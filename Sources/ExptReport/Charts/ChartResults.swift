import ExptStore
import ExptManifest

/// What a chart kind draws from: the experiment and its variants' stored results.
struct ChartResults {
    let experiment: Experiment
    /// Each variant's runs, a swept variant's at its chosen point, in manifest order.
    let variants: [VariantResult]
    /// The same results best first, as the comparison table ranks them.
    let ranked: [VariantResult]
    /// The 2D test function the runs optimised, for contours; nil draws none.
    let surface: SurfaceFunction?
    /// The stored lines between the final weights of pairs of variants (`analysis.interpolate.between`).
    var pairs: [PairLandscape] = []

    /// Whether the runs optimise a 2D test function: curves are drawn over steps (an "epoch" is a
    /// recorded step).
    var overSteps: Bool {
        experiment.testFunction != nil
    }
}
