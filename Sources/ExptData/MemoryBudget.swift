/// The most memory one dataset's values may take, checked before anything is allocated: when a
/// manifest is validated (a generated dataset's settings, a data file's header and size) and
/// again when a file is read.
///
/// A dataset of n examples with f feature values and t target values each holds
/// 4·n·(f + t) bytes (32-bit floats); its own test set counts too. The budget is 2 GiB.
public enum MemoryBudget {
    /// 2 GiB.
    public static let bytes = 1 << 31

    /// The product of `factors`, or nil when it overflows `Int`.
    public static func product(_ factors: [Int]) -> Int? {
        var total = 1
        for factor in factors {
            let (value, overflow) = total.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            total = value
        }
        return total
    }

    /// The bytes of `examples` examples of 32-bit floats, each the sum of `values` (features
    /// and targets), or nil when they overflow `Int`.
    public static func bytes(examples: Int, values: [Int]) -> Int? {
        var perExample = 0
        for count in values {
            let (sum, overflow) = perExample.addingReportingOverflow(count)
            if overflow { return nil }
            perExample = sum
        }
        return product([examples, perExample, 4])
    }

    /// `2 GiB (2147483648 bytes)`.
    public static var limitDescription: String { "2 GiB (\(bytes) bytes)" }

    /// `400040000000 bytes (372.6 GiB)`, or `more than 9223372036854775807 bytes` for nil.
    public static func describe(_ bytes: Int?) -> String {
        guard let bytes else { return "more than \(Int.max) bytes" }
        let gibibytes = (Double(bytes) / Double(1 << 30) * 10).rounded() / 10
        return "\(bytes) bytes (\(gibibytes) GiB)"
    }

    /// For a model whose buffers take `bytes` for batches of `batch` examples (the engine's
    /// `ModelMemory`), nil when they fit the budget, else what they need, after "need" or
    /// "needs": `N bytes (G GiB) for batches of B examples, more than the memory budget of a
    /// model, 2 GiB (…)`.
    public static func modelExcess(bytes: Double, batch: Int) -> String? {
        guard bytes > Double(Self.bytes) else { return nil }
        let needed = bytes < Double(Int.max) ? Int(bytes) : nil
        return "\(describe(needed)) for batches of \(batch) examples, more than the memory budget of a model, \(limitDescription)"
    }

    /// What every budget error ends with, after "needs" or "need".
    public static func exceeded(_ bytes: Int?) -> String {
        "\(describe(bytes)) in memory, more than the memory budget of a dataset, \(limitDescription)"
    }
}
