internal import CKernels

/// Work shared out within a training step over expt's pool of worker threads
/// (`expt_parallel_run`): the calling thread takes part 0, the pool's threads the others.
enum Parallel {
    /// Calls `body(part, parts)` once for each part in `0..<parts` and returns when all have
    /// returned. Parts may run on any thread, at the same time or, when the pool is busy (a
    /// nested or concurrent call), one after another on the calling thread: a caller's result
    /// must not depend on which.
    static func run(parts: Int, _ body: (_ part: Int, _ parts: Int) -> Void) {
        guard parts > 1 else {
            if parts == 1 { body(0, 1) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var task = body
            withUnsafeMutablePointer(to: &task) { pointer in
                expt_parallel_run(parts, { context, part, parts in
                    context!.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee(part, parts)
                }, pointer)
            }
        }
    }

    /// Part `part` of `0..<count` cut into `parts` nearly equal blocks whose bounds are
    /// multiples of `step` (the last block ends at `count`).
    static func block(_ part: Int, of parts: Int, splitting count: Int, inStepsOf step: Int = 1) -> Range<Int> {
        let steps = (count + step - 1) / step
        let start = min(count, (steps * part / parts) * step)
        let end = min(count, (steps * (part + 1) / parts) * step)
        return start..<max(start, end)
    }
}
