// Lion (Chen et al., 2023, as lucidrains/lion-pytorch): the loop of ExptOptim's LionKernel.
#include "optimizer_loop.h"

/// One pass over the buffers with the weight decay mode (decoupled or none) fixed.
static inline __attribute__((always_inline)) void expt_lion_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict momentum, long count,
    expt_decay decay, expt_lion_factors f, bool coupled, bool decoupled) {
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i], m = momentum[i];
        apply_decay(&theta, &g, decay, coupled, decoupled);
        // θ ← θ - γ sign(β₁ m + (1 - β₁) g); m ← β₂ m + (1 - β₂) g.
        float c = m * f.beta1 + f.interpolation_weight * g;
        parameters[i] = theta + f.negative_rate * signum(c);
        momentum[i] = m * f.beta2 + f.decay_weight * g;
    }
}

EXPT_OPTIMIZER_STEP(expt_lion_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict momentum, long count,
                     expt_decay decay, expt_lion_factors factors),
                    (parameters, gradients, momentum, count, decay, factors))
