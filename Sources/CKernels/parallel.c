#include "expt_parallel.h"

#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>

enum { MAX_WORKERS = 63, SPIN_ROUNDS = 20000 };

// One job at a time: `generation` counts the jobs posted; a worker that has seen generation g
// waits for g + 1, runs its part if the job has one for it, and counts itself done.
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;  // held by the caller of a job
static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static long workers;                 // threads started (under pool_lock)
static uint64_t generation;          // atomic
static long sleepers;                // under sleep_lock
static expt_parallel_task job_task;  // written before generation is published
static void *job_context;
static long job_parts;               // atomic: read by workers that may have no part
static long pending;                 // atomic: parts not yet finished by workers
static uint64_t start_generation[MAX_WORKERS + 1];  // the generation each worker starts from

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
}

static uint64_t next_generation(uint64_t seen) {
    for (long round = 0; round < SPIN_ROUNDS; round++) {
        uint64_t now = __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
        if (now != seen) return now;
        relax();
    }
    pthread_mutex_lock(&sleep_lock);
    sleepers++;
    uint64_t now;
    while ((now = __atomic_load_n(&generation, __ATOMIC_ACQUIRE)) == seen) pthread_cond_wait(&wake, &sleep_lock);
    sleepers--;
    pthread_mutex_unlock(&sleep_lock);
    return now;
}

static void *worker_main(void *argument) {
    long part = (long)(intptr_t)argument;
    uint64_t seen = start_generation[part];
    for (;;) {
        seen = next_generation(seen);
        long parts = __atomic_load_n(&job_parts, __ATOMIC_RELAXED);
        if (part < parts) {
            job_task(job_context, part, parts);
            __atomic_fetch_sub(&pending, 1, __ATOMIC_ACQ_REL);
        }
    }
    return NULL;
}

/// Starts workers for parts 1 ..< parts (under pool_lock); false if a thread cannot start.
static bool ensure_workers(long parts) {
    while (workers < parts - 1) {
        pthread_t thread;
        pthread_attr_t attributes;
        // Set before the thread starts, so that it cannot miss a job posted while it starts.
        start_generation[workers + 1] = __atomic_load_n(&generation, __ATOMIC_RELAXED);
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&thread, &attributes, worker_main, (void *)(intptr_t)(workers + 1));
        pthread_attr_destroy(&attributes);
        if (failed) return false;
        workers++;
    }
    return true;
}

static void run_in_order(long parts, expt_parallel_task task, void *context) {
    for (long part = 0; part < parts; part++) task(context, part, parts);
}

void expt_parallel_run(long parts, expt_parallel_task task, void *context) {
    if (parts > MAX_WORKERS + 1) parts = MAX_WORKERS + 1;
    if (parts <= 1 || pthread_mutex_trylock(&pool_lock) != 0) {
        run_in_order(parts, task, context);
        return;
    }
    if (!ensure_workers(parts)) {
        pthread_mutex_unlock(&pool_lock);
        run_in_order(parts, task, context);
        return;
    }
    // Workers beyond `parts` wake, find no part for them and go back to waiting.
    job_task = task;
    job_context = context;
    __atomic_store_n(&job_parts, parts, __ATOMIC_RELAXED);
    __atomic_store_n(&pending, parts - 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&generation, 1, __ATOMIC_RELEASE);
    pthread_mutex_lock(&sleep_lock);
    if (sleepers > 0) pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&sleep_lock);
    task(context, 0, parts);
    for (long round = 0; __atomic_load_n(&pending, __ATOMIC_ACQUIRE) > 0; round++) {
        if (round < SPIN_ROUNDS) relax(); else sched_yield();
    }
    pthread_mutex_unlock(&pool_lock);
}
