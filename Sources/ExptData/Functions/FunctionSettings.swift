/// A 2D test function as a manifest declares it: which function, where the optimizer starts,
/// and the quadratic's condition number.
public struct FunctionSettings: Sendable, Hashable, Codable {
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

    /// The settings by manifest name, formatted for reports: `start [-1.5, 2.0]`, and
    /// `condition_number` for the quadratic.
    public var listed: [(name: String, value: String)] {
        let start = ("start", "[\(start[0]), \(start[1])]")
        return function == .quadratic ? [start, ("condition_number", "\(conditionNumber)")] : [start]
    }
}
