/// An optimizer's state between two steps, copied out of it: named arrays (moments, buffers,
/// histories) and named scalars (step counts, running products), every value in double
/// precision, which holds a `Float` exactly. A wrapper or chain keeps its parts' snapshots under
/// a prefix (`base.`, `0.`). ``ParameterOptimizer/saveState()`` makes one and
/// ``ParameterOptimizer/restoreState(_:)`` puts it back into a fresh optimizer of the same
/// settings and parameter count, after which the two take the same steps bit for bit.
public struct OptimizerSnapshot: Sendable, Equatable, Codable {
    public var arrays: [String: [Double]]
    public var scalars: [String: Double]

    public init(arrays: [String: [Double]] = [:], scalars: [String: Double] = [:]) {
        self.arrays = arrays
        self.scalars = scalars
    }

    /// Adds `part`'s arrays and scalars, each name prefixed with `prefix` and a dot.
    public mutating func add(_ part: OptimizerSnapshot, as prefix: String) {
        for (name, values) in part.arrays { arrays["\(prefix).\(name)"] = values }
        for (name, value) in part.scalars { scalars["\(prefix).\(name)"] = value }
    }

    /// The arrays and scalars stored under `prefix` (see ``add(_:as:)``), without it.
    public func part(_ prefix: String) -> OptimizerSnapshot {
        let lead = prefix + "."
        func strip<Value>(_ entries: [String: Value]) -> [String: Value] {
            Dictionary(uniqueKeysWithValues: entries.filter { $0.key.hasPrefix(lead) }.map { (String($0.key.dropFirst(lead.count)), $0.value) })
        }
        return OptimizerSnapshot(arrays: strip(arrays), scalars: strip(scalars))
    }

    /// Stores `buffer`'s values as array `name`.
    public mutating func save<Scalar: BinaryFloatingPoint>(_ buffer: UnsafeBufferPointer<Scalar>, as name: String) {
        arrays[name] = buffer.map { Double($0) }
    }

    /// Array `name`, which must hold `count` values.
    public func array(_ name: String, count: Int) throws(OptimizerSnapshotError) -> [Double] {
        guard let values = arrays[name] else { throw OptimizerSnapshotError("no array \(name)") }
        guard values.count == count else { throw OptimizerSnapshotError("array \(name) has \(values.count) values, expected \(count)") }
        return values
    }

    /// Array `name` in `Scalar`, which must hold `count` values.
    public func values<Scalar: BinaryFloatingPoint>(_ name: String, count: Int, as _: Scalar.Type = Scalar.self)
        throws(OptimizerSnapshotError) -> [Scalar] {
        try array(name, count: count).map { Scalar($0) }
    }

    /// Stores `values` as array `name`.
    public mutating func save<Scalar: BinaryFloatingPoint>(_ values: [Scalar], as name: String) {
        arrays[name] = values.map { Double($0) }
    }

    /// Scalar `name`.
    public func scalar(_ name: String) throws(OptimizerSnapshotError) -> Double {
        guard let value = scalars[name] else { throw OptimizerSnapshotError("no scalar \(name)") }
        return value
    }

    /// Scalar `name` as a count (a step count, say).
    public func count(_ name: String) throws(OptimizerSnapshotError) -> Int {
        let value = try scalar(name)
        guard let count = Int(exactly: value), count >= 0 else { throw OptimizerSnapshotError("scalar \(name) is \(value), expected a count") }
        return count
    }
}

/// Why a snapshot does not fit the optimizer it is restored into.
public struct OptimizerSnapshotError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension UnsafeMutableBufferPointer where Element: BinaryFloatingPoint {
    /// Writes `values` (as ``OptimizerSnapshot/array(_:count:)`` returned them) over the buffer.
    func load(_ values: [Double]) {
        for (index, value) in values.enumerated() { self[index] = Element(value) }
    }
}
