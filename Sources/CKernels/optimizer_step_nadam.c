// NAdam (torch.optim.NAdam): the loop of ExptOptim's NAdamKernel.
#include "optimizer_loop.h"

#include <math.h>

/// One pass over the buffers with the weight decay mode fixed.
static inline __attribute__((always_inline)) void expt_nadam_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors f, bool coupled, bool decoupled) {
    bool near = fabsf(f.moments.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i], m, v;
        apply_decay(&theta, &g, decay, coupled, decoupled);
        update_two_moments(first_moment, second_moment, i, g, f.moments, near, &m, &v);
        // denominator = √(v / (1 - β₂ᵗ)) + ε; two addcdiv_ calls: the gradient's share, then the moment's.
        float denominator = __builtin_sqrtf(v / f.correction2) + f.eps;
        theta = theta + f.gradient_factor * g / denominator;
        parameters[i] = theta + f.moment_factor * m / denominator;
    }
}

EXPT_OPTIMIZER_STEP(expt_nadam_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors factors),
                    (parameters, gradients, first_moment, second_moment, count, decay, factors))
