// What the optimizer loops share (ExptOptim's RuleKernel and TwoMomentLanes): the public step
// function over a loop with its weight decay mode fixed, the weight decay applied to θ or g
// before the rule's own update, and the first and second moments of the rules that keep both.
#ifndef EXPT_OPTIMIZER_LOOP_H
#define EXPT_OPTIMIZER_LOOP_H

#include "expt_optimizer_steps.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

#define EXPT_UNPARENTHESIZED(...) __VA_ARGS__

/// Defines the public step function `name`, with parameters `params` (one of them `expt_decay
/// decay`) named in `args`, from `name##_elements`: the loop over the buffers, which takes the
/// same arguments and then the decay mode as two constants (coupled, decoupled), so that each
/// mode's loop is compiled without the untaken branches; compiled per instruction set
/// (EXPT_ISA_VERSIONS).
#define EXPT_OPTIMIZER_STEP(name, params, args)                                              \
    static inline __attribute__((always_inline)) void name##_loop params {                   \
        switch (decay.mode) {                                                                \
        case EXPT_DECAY_COUPLED: name##_elements(EXPT_UNPARENTHESIZED args, true, false); break;   \
        case EXPT_DECAY_DECOUPLED: name##_elements(EXPT_UNPARENTHESIZED args, false, true); break; \
        default: name##_elements(EXPT_UNPARENTHESIZED args, false, false); break;                  \
        }                                                                                    \
    }                                                                                        \
    EXPT_ISA_VERSIONS(name, params, args)

/// CALL(true) when `flag` is set, else CALL(false): one loop per value of a rule's option, each
/// compiled without the other's branch.
#define EXPT_BY_FLAG(flag, CALL) \
    if (flag) {                  \
        CALL(true);              \
    } else {                     \
        CALL(false);             \
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
