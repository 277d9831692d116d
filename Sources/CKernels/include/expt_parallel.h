// Pools of worker threads, for work shared out within one training step. Each run owns its
// pool (through its compute context), so runs that train at the same time do not wait for
// each other's workers.
#ifndef EXPT_PARALLEL_H
#define EXPT_PARALLEL_H

/// A pool of worker threads; create one with expt_pool_create.
typedef struct expt_pool expt_pool;

/// Part `part` (0 ..< parts) of a shared piece of work.
typedef void (*expt_parallel_task)(void *context, long part, long parts);

/// A pool for work shared out in up to `threads` parts: it starts threads - 1 workers (at most
/// 63), which the caller of each job joins as part 0. NULL only when memory runs out; a worker
/// that cannot start leaves the pool smaller, never wrong.
expt_pool *expt_pool_create(long threads);

/// Stops the pool's workers, waits for them to end and frees the pool. No job may be running.
void expt_pool_destroy(expt_pool *pool);

/// Runs task(context, part, parts) for every part, the calling thread taking part 0 and the
/// pool's workers the others, and returns when all have finished. Between jobs the workers
/// poll (20,000 `pause` instructions, about half a millisecond on AMD Zen 5: a step's next
/// product usually comes sooner), then sleep. `parts` is capped at the pool's workers + 1; when
/// the pool is already running a job (a nested call), every part runs on the calling thread, in
/// order: callers must make the result independent of which thread runs a part, and of how
/// many parts there are.
void expt_pool_run(expt_pool *pool, long parts, expt_parallel_task task, void *context);

#endif
