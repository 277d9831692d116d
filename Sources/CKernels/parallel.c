#include "expt_parallel.h"

#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

enum { MAX_WORKERS = 63, SPIN_ROUNDS = 20000 };

/// One worker's thread and where it starts.
typedef struct {
    expt_pool *pool;
    long part;
    pthread_t thread;
} worker;

// One job at a time: `generation` counts the jobs posted; a worker that has seen generation g
// waits for g + 1, runs its part if the job has one for it, and counts itself done. Generation
// g + 1 with `quitting` set ends the workers.
struct expt_pool {
    pthread_mutex_t lock;        // held by the caller of a job
    pthread_mutex_t sleep_lock;
    pthread_cond_t wake;
    long workers;                // started in expt_pool_create, never changed after
    uint64_t generation;         // atomic
    long sleepers;               // under sleep_lock
    expt_parallel_task job_task; // written before generation is published
    void *job_context;
    long job_parts;              // atomic: read by workers that may have no part
    long pending;                // atomic: parts not yet finished by workers
    bool quitting;               // written before generation is published
    worker worker[MAX_WORKERS];
};

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
}

static uint64_t next_generation(expt_pool *pool, uint64_t seen) {
    for (long round = 0; round < SPIN_ROUNDS; round++) {
        uint64_t now = __atomic_load_n(&pool->generation, __ATOMIC_ACQUIRE);
        if (now != seen) return now;
        relax();
    }
    pthread_mutex_lock(&pool->sleep_lock);
    pool->sleepers++;
    uint64_t now;
    while ((now = __atomic_load_n(&pool->generation, __ATOMIC_ACQUIRE)) == seen) {
        pthread_cond_wait(&pool->wake, &pool->sleep_lock);
    }
    pool->sleepers--;
    pthread_mutex_unlock(&pool->sleep_lock);
    return now;
}

static void *worker_main(void *argument) {
    worker *self = argument;
    expt_pool *pool = self->pool;
    uint64_t seen = 0;
    for (;;) {
        seen = next_generation(pool, seen);
        if (pool->quitting) return NULL;
        long parts = __atomic_load_n(&pool->job_parts, __ATOMIC_RELAXED);
        if (self->part < parts) {
            pool->job_task(pool->job_context, self->part, parts);
            __atomic_fetch_sub(&pool->pending, 1, __ATOMIC_ACQ_REL);
        }
    }
}

/// Publishes the next generation and wakes the workers that sleep.
static void post(expt_pool *pool) {
    __atomic_fetch_add(&pool->generation, 1, __ATOMIC_RELEASE);
    pthread_mutex_lock(&pool->sleep_lock);
    if (pool->sleepers > 0) pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->sleep_lock);
}

expt_pool *expt_pool_create(long threads) {
    expt_pool *pool = calloc(1, sizeof(expt_pool));
    if (pool == NULL) return NULL;
    pthread_mutex_init(&pool->lock, NULL);
    pthread_mutex_init(&pool->sleep_lock, NULL);
    pthread_cond_init(&pool->wake, NULL);
    long wanted = threads - 1 < MAX_WORKERS ? threads - 1 : MAX_WORKERS;
    while (pool->workers < wanted) {
        worker *next = &pool->worker[pool->workers];
        next->pool = pool;
        next->part = pool->workers + 1;
        if (pthread_create(&next->thread, NULL, worker_main, next) != 0) break;
        pool->workers++;
    }
    return pool;
}

void expt_pool_destroy(expt_pool *pool) {
    if (pool == NULL) return;
    pthread_mutex_lock(&pool->lock);
    pool->quitting = true;
    post(pool);
    for (long index = 0; index < pool->workers; index++) pthread_join(pool->worker[index].thread, NULL);
    pthread_mutex_unlock(&pool->lock);
    pthread_cond_destroy(&pool->wake);
    pthread_mutex_destroy(&pool->sleep_lock);
    pthread_mutex_destroy(&pool->lock);
    free(pool);
}

static void run_in_order(long parts, expt_parallel_task task, void *context) {
    for (long part = 0; part < parts; part++) task(context, part, parts);
}

void expt_pool_run(expt_pool *pool, long parts, expt_parallel_task task, void *context) {
    if (pool != NULL && parts > pool->workers + 1) parts = pool->workers + 1;
    if (parts <= 1 || pool == NULL || pthread_mutex_trylock(&pool->lock) != 0) {
        run_in_order(parts, task, context);
        return;
    }
    // Workers beyond `parts` wake, find no part for them and go back to waiting.
    pool->job_task = task;
    pool->job_context = context;
    __atomic_store_n(&pool->job_parts, parts, __ATOMIC_RELAXED);
    __atomic_store_n(&pool->pending, parts - 1, __ATOMIC_RELAXED);
    post(pool);
    task(context, 0, parts);
    for (long round = 0; __atomic_load_n(&pool->pending, __ATOMIC_ACQUIRE) > 0; round++) {
        if (round < SPIN_ROUNDS) relax(); else sched_yield();
    }
    pthread_mutex_unlock(&pool->lock);
}
