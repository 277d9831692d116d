// Adamax (torch.optim.Adamax): the loop of ExptOptim's AdamaxKernel.
#include "optimizer_loop.h"

#include <math.h>

/// One pass over the buffers with the weight decay mode fixed.
static inline __attribute__((always_inline)) void expt_adamax_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict infinity_norm, long count, expt_decay decay, expt_adamax_factors f, bool coupled, bool decoupled) {
    bool near = fabsf(f.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        apply_decay(&theta, &g, decay, coupled, decoupled);
        // m.lerp_(g, 1 - β₁); u = maximum(u · β₂, |g| + ε), NaN winning as in torch.
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float u = maximum(infinity_norm[i] * f.beta2, fabsf(g) + f.eps);
        first_moment[i] = m;
        infinity_norm[i] = u;
        parameters[i] = theta + f.negative_step_size * m / u;
    }
}

EXPT_OPTIMIZER_STEP(expt_adamax_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict infinity_norm, long count, expt_decay decay, expt_adamax_factors factors),
                    (parameters, gradients, first_moment, infinity_norm, count, decay, factors))
