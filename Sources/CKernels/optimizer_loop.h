// What the optimizer loops share (ExptOptim's RuleKernel and TwoMomentLanes): the weight decay,
// applied to θ or g before the rule's own update, with its mode fixed per loop; and the first
// and second moments of the Adam-like rules.
#ifndef EXPT_OPTIMIZER_LOOP_H
#define EXPT_OPTIMIZER_LOOP_H

#include "expt_optimizer_steps.h"
#include "optimizer_lanes.h"

/// Calls CALL(coupled, decoupled) with the decay mode as constants, so that each loop is
/// compiled without the untaken branches.
#define EXPT_BY_DECAY_MODE(mode, CALL)                  \
    switch (mode) {                                     \
    case EXPT_DECAY_COUPLED: CALL(true, false); break;   \
    case EXPT_DECAY_DECOUPLED: CALL(false, true); break; \
    default: CALL(false, false); break;                  \
    }

/// θ <- θ (1 - γλ) (decoupled) or g <- g + λθ (coupled).
static inline __attribute__((always_inline)) void apply_decay(float *theta, float *g, expt_decay decay, bool coupled,
                                                              bool decoupled) {
    if (decoupled) *theta = *theta * decay.decoupled_factor;
    if (coupled) *g = *g + decay.coupled_decay * *theta;
}

/// m.lerp_(g, 1 - β₁); v.mul_(β₂).addcmul_(g, g, value: 1 - β₂), multiplied left to right; both
/// stored at element i and returned in *m and *v. `near` is |1 - β₁| < 0.5, decided before the loop.
static inline __attribute__((always_inline)) void update_two_moments(
    float *restrict first_moment, float *restrict second_moment, long i, float g, expt_two_moments f, bool near,
    float *m, float *v) {
    *m = lerp(first_moment[i], g, f.first_weight, near);
    *v = f.beta2 * second_moment[i] + f.second_weight * g * g;
    first_moment[i] = *m;
    second_moment[i] = *v;
}

#endif
