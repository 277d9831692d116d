/// The shard index and count that a scheduler gives a process in its environment, checked in
/// this order (the first present wins):
///
/// - `EXPT_SHARD_INDEX` and `EXPT_SHARD_COUNT`: set by hand, e.g. from a CI matrix;
/// - `SLURM_ARRAY_TASK_ID`, less `SLURM_ARRAY_TASK_MIN` (so `--array=1-8` works like
///   `--array=0-7`), and `SLURM_ARRAY_TASK_COUNT`: a Slurm job array task;
/// - `JOB_COMPLETION_INDEX`: a pod of a Kubernetes Indexed Job, which gives no count.
public struct ShardEnvironment: Sendable {
    let variables: [String: String]

    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The shard of this process. `count` (from `--shard auto/N`) is required when the
    /// environment gives no count, and must agree with it when it does.
    public func shard(count: Int?) throws(ShardError) -> Shard {
        let option = "--shard " + (count.map { "auto/\($0)" } ?? "auto")
        let (source, index, found) = try indexAndCount(option)
        if let count, let found, count != found.value {
            throw ShardError("\(option): \(found.name) is \(found.value), not \(count)")
        }
        guard let total = count ?? found?.value else {
            throw ShardError("\(option): \(source) gives no shard count; pass --shard auto/N")
        }
        guard total >= 1 else { throw ShardError("\(option): \(found?.name ?? "the count") is \(total), expected at least 1") }
        guard total <= Shard.maximumCount else {
            throw ShardError("\(option): \(found?.name ?? "the count") is \(total), expected at most \(Shard.maximumCount)")
        }
        guard index < total else {
            throw ShardError("\(option): \(source) gives shard \(index), outside the \(total) shards 0 to \(total - 1)")
        }
        return try Shard(index: index, count: total)
    }

    /// The index (and the count, when the scheduler gives one) from the first scheduler present.
    private func indexAndCount(_ option: String) throws(ShardError) -> (source: String, index: Int, count: (name: String, value: Int)?) {
        if variables["EXPT_SHARD_INDEX"] != nil {
            let index = try number("EXPT_SHARD_INDEX", option)!
            return ("EXPT_SHARD_INDEX", index, try number("EXPT_SHARD_COUNT", option).map { ("EXPT_SHARD_COUNT", $0) })
        }
        if variables["SLURM_ARRAY_TASK_ID"] != nil {
            let id = try number("SLURM_ARRAY_TASK_ID", option)!
            let minimum = try number("SLURM_ARRAY_TASK_MIN", option) ?? 0
            guard id >= minimum else {
                throw ShardError("\(option): SLURM_ARRAY_TASK_ID is \(id), below SLURM_ARRAY_TASK_MIN \(minimum)")
            }
            let source = minimum == 0 ? "SLURM_ARRAY_TASK_ID" : "SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN"
            return (source, id - minimum, try number("SLURM_ARRAY_TASK_COUNT", option).map { ("SLURM_ARRAY_TASK_COUNT", $0) })
        }
        if variables["JOB_COMPLETION_INDEX"] != nil {
            return ("JOB_COMPLETION_INDEX", try number("JOB_COMPLETION_INDEX", option)!, nil)
        }
        throw ShardError("\(option): no shard index in the environment; set EXPT_SHARD_INDEX, or run as a Slurm array task "
                         + "(SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job pod (JOB_COMPLETION_INDEX)")
    }

    /// The variable's value as a non-negative integer; nil when it is not set.
    private func number(_ name: String, _ option: String) throws(ShardError) -> Int? {
        guard let text = variables[name] else { return nil }
        guard let value = ShardArgument.integer(Substring(text)) else {
            throw ShardError("\(option): \(name) is \(text.debugDescription), expected a non-negative integer")
        }
        return value
    }
}
