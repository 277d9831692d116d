import ExptData
import ExptManifest

extension Experiment {
    /// The 2D test function the experiment's runs optimise (from a fixed start, so every run is
    /// deterministic and "epochs" are recorded steps); nil when they train on data.
    var testFunction: TestFunction? {
        (variants.first?.config.data.dataset.kind as? FunctionSettings)?.function
    }
}

extension TestFunction {
    /// The points where the function takes its minimum, marked on trajectory charts; none for
    /// the saddle, which has none.
    var minima: [(x: Double, y: Double)] {
        switch self {
        case .rosenbrock: [(1, 1)]
        case .beale: [(3, 0.5)]
        case .himmelblau: [(3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]
        case .quadratic: [(0, 0)]
        case .saddle: []
        }
    }
}
