internal import CKernels

/// A run's worker threads (`expt_pool_create`): the work of a training step shared out between
/// the calling thread, which takes part 0, and `threads - 1` workers that live as long as the
/// pool. Each run has its own, so runs training at the same time never queue for one another's.
final class WorkerPool {
    private let pool: OpaquePointer?

    /// No workers for one thread: every job runs on the calling thread.
    init(threads: Int) {
        pool = threads > 1 ? expt_pool_create(threads) : nil
    }

    deinit {
        expt_pool_destroy(pool)
    }

    /// Calls `body(part, parts)` once for each part in `0..<parts` (`parts` capped at the workers
    /// that started, plus one) and returns when all have returned. Parts may run on any thread,
    /// at the same time or, when the pool is busy (a nested call), one after another on the
    /// calling thread: a caller's result must not depend on which.
    func run(parts: Int, _ body: (_ part: Int, _ parts: Int) -> Void) {
        guard parts > 1, let pool else {
            if parts >= 1 { body(0, 1) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var task = body
            withUnsafeMutablePointer(to: &task) { pointer in
                expt_pool_run(pool, parts, { context, part, parts in
                    context!.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee(part, parts)
                }, pointer)
            }
        }
    }
}
