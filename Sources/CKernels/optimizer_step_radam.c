// RAdam (torch.optim.RAdam): the loop of ExptOptim's RAdamKernel.
#include "optimizer_loop.h"

#include <math.h>

/// One pass over the buffers with the weight decay mode and the rectification fixed.
static inline __attribute__((always_inline)) void radam_pass(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, expt_radam_factors f, bool coupled, bool decoupled,
    bool rectified) {
    bool near = fabsf(f.moments.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i], m, v;
        apply_decay(&theta, &g, decay, coupled, decoupled);
        update_two_moments(first_moment, second_moment, i, g, f.moments, near, &m, &v);
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

static inline __attribute__((always_inline)) void expt_radam_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, bool rectified, expt_radam_factors f, bool coupled,
    bool decoupled) {
#define RADAM(r) radam_pass(parameters, gradients, first_moment, second_moment, count, decay, f, coupled, decoupled, r)
    EXPT_BY_FLAG(rectified, RADAM)
#undef RADAM
}

EXPT_OPTIMIZER_STEP(expt_radam_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict second_moment, long count, expt_decay decay, bool rectified,
                     expt_radam_factors factors),
                    (parameters, gradients, first_moment, second_moment, count, decay, rectified, factors))
