// expt's pool of worker threads, for work shared out within one training step.
#ifndef EXPT_PARALLEL_H
#define EXPT_PARALLEL_H

/// Part `part` (0 ..< parts) of a shared piece of work.
typedef void (*expt_parallel_task)(void *context, long part, long parts);

/// Runs task(context, part, parts) for every part, the calling thread taking part 0 and the
/// pool's threads the others, and returns when all have finished. The pool's threads are
/// created on first need and kept; between tasks they poll (20,000 `pause` instructions, about
/// half a millisecond on AMD Zen 5: a step's next product usually comes sooner), then sleep. When the pool is already running another
/// caller's work (a nested call, or two callers at once), every part runs on the calling thread,
/// in order: callers must make the result independent of which thread runs a part.
void expt_parallel_run(long parts, expt_parallel_task task, void *context);

#endif
