// Adamax (torch.optim.Adamax): the loop of ExptOptim's AdamaxKernel.
#include "expt_optimizer_steps.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

#include <math.h>

/// One pass over the buffers, with or without weight decay.
static inline __attribute__((always_inline)) void adamax_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict infinity_norm, long count, expt_adamax_factors f, bool decay) {
    bool near = fabsf(f.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        if (decay) g = g + f.weight_decay * theta;
        // m.lerp_(g, 1 - β₁); u = maximum(u · β₂, |g| + ε), NaN winning as in torch.
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float u = maximum(infinity_norm[i] * f.beta2, fabsf(g) + f.eps);
        first_moment[i] = m;
        infinity_norm[i] = u;
        parameters[i] = theta + f.negative_step_size * m / u;
    }
}

static inline __attribute__((always_inline)) void expt_adamax_step_loop(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict infinity_norm, long count, expt_adamax_factors f) {
    if (f.weight_decay != 0) {
        adamax_elements(parameters, gradients, first_moment, infinity_norm, count, f, true);
    } else {
        adamax_elements(parameters, gradients, first_moment, infinity_norm, count, f, false);
    }
}

EXPT_ISA_VERSIONS(expt_adamax_step,
                  (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                   float *restrict infinity_norm, long count, expt_adamax_factors factors),
                  (parameters, gradients, first_moment, infinity_norm, count, factors))
