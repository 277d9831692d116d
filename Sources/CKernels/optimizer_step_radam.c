// RAdam (torch.optim.RAdam): the loop of ExptOptim's RAdamKernel.
#include "expt_optimizer_steps.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

#include <math.h>

/// One pass over the buffers with the weight decay mode and the rectification fixed.
static inline __attribute__((always_inline)) void radam_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, expt_radam_factors f, bool coupled, bool decoupled,
    bool rectified) {
    bool near = fabsf(f.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        if (decoupled) theta = theta * decay.decoupled_factor;
        if (coupled) g = g + decay.coupled_decay * theta;
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float v = second_moment[i] * f.beta2 + f.second_weight * g * g;
        first_moment[i] = m;
        second_moment[i] = v;
        float scaled_moment = m / f.correction1 * f.rate;
        if (rectified) {
            // torch: √(1 - β₂ᵗ) / (√v + ε) computed as (1 / (√v + ε)) · √(1 - β₂ᵗ).
            float adaptive_rate = 1.0f / (__builtin_sqrtf(v) + f.eps) * f.correction2_root;
            parameters[i] = theta - scaled_moment * adaptive_rate * f.rectification;
        } else {
            parameters[i] = theta - scaled_moment;
        }
    }
}

static inline __attribute__((always_inline)) void expt_radam_step_loop(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, bool rectified, expt_radam_factors f) {
    bool coupled = decay.mode == EXPT_DECAY_COUPLED, decoupled = decay.mode == EXPT_DECAY_DECOUPLED;
#define RADAM(c, d, r) radam_elements(parameters, gradients, first_moment, second_moment, count, decay, f, c, d, r)
    if (coupled) {
        if (rectified) RADAM(true, false, true); else RADAM(true, false, false);
    } else if (decoupled) {
        if (rectified) RADAM(false, true, true); else RADAM(false, true, false);
    } else {
        if (rectified) RADAM(false, false, true); else RADAM(false, false, false);
    }
#undef RADAM
}

EXPT_ISA_VERSIONS(expt_radam_step,
                  (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                   float *restrict second_moment, long count, expt_decay decay, bool rectified,
                   expt_radam_factors factors),
                  (parameters, gradients, first_moment, second_moment, count, decay, rectified, factors))
