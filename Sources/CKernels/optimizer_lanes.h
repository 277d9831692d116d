// The element operations of ExptOptim's `Lanes` that are not one C operator, with the same
// results: torch's lerp, torch's maximum (NaN wins) and the sign as 1, -1 or 0.
#ifndef EXPT_OPTIMIZER_LANES_H
#define EXPT_OPTIMIZER_LANES_H

#include <stdbool.h>

/// torch's lerp(start, end, weight) for |weight| < 0.5: start + weight (end - start).
static inline __attribute__((always_inline)) float lerp_near(float start, float end, float weight) {
    return start + weight * (end - start);
}

/// torch's lerp(start, end, weight) for |weight| >= 0.5: end - (end - start)(1 - weight), exact at 1.
static inline __attribute__((always_inline)) float lerp_far(float start, float end, float weight) {
    return end - (end - start) * (1.0f - weight);
}

/// torch's lerp; `near` is |weight| < 0.5, decided once per call, outside the loop.
static inline __attribute__((always_inline)) float lerp(float start, float end, float weight, bool near) {
    return near ? lerp_near(start, end, weight) : lerp_far(start, end, weight);
}

/// torch's maximum: the larger value, or `a` when it is NaN (and `b` when only `b` is).
static inline __attribute__((always_inline)) float maximum(float a, float b) {
    return a > b || a != a ? a : b;
}

/// 1, -1, or 0 for 0, -0 and NaN.
static inline __attribute__((always_inline)) float signum(float x) {
    return x > 0 ? 1.0f : x < 0 ? -1.0f : 0.0f;
}

#endif
