import ExptConfig

/// A 2D test function as a manifest declares it: which function, where the optimizer starts,
/// and the quadratic's condition number. As a dataset it has no examples (an optimizer moves
/// one point); a manifest names it by the function (`dataset: NAME`), stored as `function`.
public struct FunctionSettings: DatasetKind {
    public static let name = "function"
    public static let summary = "A 2D test function: no examples, an optimizer moves one point."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("start", .described(HyperparameterDescription(
            type: "[x, y], two numbers", defaultValue: "the function's customary start",
            text: { "[\($0.start[0]), \($0.start[1])]" })), "Where the optimizer starts."),
         Hyperparameter("condition_number", .described(HyperparameterDescription(
            type: "number ≥ 1", defaultValue: "\(defaultConditionNumber)",
            text: { $0.function == .quadratic ? "\($0.conditionNumber)" : nil })), "κ in ½ (x² + κ y²).")]
    }

    public var function: TestFunction
    /// The starting point (x, y). Default: the function's `defaultStart`.
    public var start: [Double]
    /// κ in f = ½ (x² + κ y²); only the quadratic uses it. Default 10.
    public var conditionNumber: Double

    public static let defaultConditionNumber = 10.0

    public init(function: TestFunction, start: [Double]? = nil, conditionNumber: Double = FunctionSettings.defaultConditionNumber) {
        precondition(start.map { $0.count == 2 } ?? true, "a start point has two coordinates")
        self.function = function
        self.start = start ?? [function.defaultStart.x, function.defaultStart.y]
        self.conditionNumber = conditionNumber
    }

    /// Rosenbrock's function from its customary start.
    public init() {
        self.init(function: .rosenbrock)
    }

    public var displayName: String { function.rawValue }
    public var classCount: Int? { nil }
    public var inputShape: [Int]? { [2] }
    public var requestedSamples: Int? { 0 }

    /// No examples: an empty dataset of points in the plane.
    public func load(seed: UInt64) -> LoadedData {
        LoadedData(examples: Dataset(count: 0, featureCount: 2, features: [], targetCount: 1, targets: [], classCount: nil))
    }

    /// f at `point` (x, y).
    public func value(at point: UnsafeBufferPointer<Double>) -> Double {
        function.value(x: point[0], y: point[1], conditionNumber: conditionNumber)
    }

    /// Writes the gradient at `point` into `gradient`.
    public func gradient(at point: UnsafeBufferPointer<Double>, into gradient: UnsafeMutableBufferPointer<Double>) {
        let g = function.gradient(x: point[0], y: point[1], conditionNumber: conditionNumber)
        gradient[0] = g.x
        gradient[1] = g.y
    }
}
