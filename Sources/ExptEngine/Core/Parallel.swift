/// How work shared out over a run's threads (``ComputeContext/share(_:_:)``) is cut into blocks.
enum Parallel {
    /// Part `part` of `0..<count` cut into `parts` nearly equal blocks whose bounds are
    /// multiples of `step` (the last block ends at `count`).
    static func block(_ part: Int, of parts: Int, splitting count: Int, inStepsOf step: Int = 1) -> Range<Int> {
        let steps = (count + step - 1) / step
        let start = min(count, (steps * part / parts) * step)
        let end = min(count, (steps * (part + 1) / parts) * step)
        return start..<max(start, end)
    }
}
