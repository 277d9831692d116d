// Adam and AdamW (torch.optim.Adam / AdamW): the loop of ExptOptim's AdamKernel.
#include "optimizer_loop.h"

#include <math.h>

/// One pass over the buffers with the options fixed, so the compiler drops the untaken ones.
static inline __attribute__((always_inline)) void adam_pass(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay,
    expt_adam_factors f, bool coupled, bool decoupled, bool amsgrad) {
    bool near = fabsf(f.moments.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i], m, v;
        apply_decay(&theta, &g, decay, coupled, decoupled);
        update_two_moments(first_moment, second_moment, i, g, f.moments, near, &m, &v);
        if (amsgrad) {
            v = maximum(max_second_moment[i], v);
            max_second_moment[i] = v;
        }
        // denominator = √v / √(1 - β₂ᵗ) + ε; θ.addcdiv_(m, denominator, value: -step size).
        float denominator = __builtin_sqrtf(v) / f.correction2_root + f.eps;
        parameters[i] = theta + f.negative_step_size * m / denominator;
    }
}

static inline __attribute__((always_inline)) void expt_adam_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay, bool amsgrad,
    expt_adam_factors f, bool coupled, bool decoupled) {
#define ADAM(a) \
    adam_pass(parameters, gradients, first_moment, second_moment, max_second_moment, count, decay, f, coupled, decoupled, a)
    EXPT_BY_FLAG(amsgrad, ADAM)
#undef ADAM
}

EXPT_OPTIMIZER_STEP(expt_adam_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay,
                     bool amsgrad, expt_adam_factors factors),
                    (parameters, gradients, first_moment, second_moment, max_second_moment, count, decay, amsgrad,
                     factors))
