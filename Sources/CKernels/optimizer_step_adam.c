// Adam and AdamW (torch.optim.Adam / AdamW): the loop of ExptOptim's AdamKernel.
#include "expt_optimizer_steps.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

#include <math.h>

/// One pass over the buffers with the options fixed, so the compiler drops the untaken ones.
static inline __attribute__((always_inline)) void adam_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay,
    expt_adam_factors f, bool coupled, bool decoupled, bool amsgrad) {
    bool near = fabsf(f.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        if (decoupled) theta = theta * decay.decoupled_factor;
        if (coupled) g = g + decay.coupled_decay * theta;
        // m.lerp_(g, 1 - β₁); v.mul_(β₂).addcmul_(g, g, value: 1 - β₂), multiplied left to right.
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float v = f.beta2 * second_moment[i] + f.second_weight * g * g;
        first_moment[i] = m;
        second_moment[i] = v;
        if (amsgrad) {
            v = maximum(max_second_moment[i], v);
            max_second_moment[i] = v;
        }
        // denominator = √v / √(1 - β₂ᵗ) + ε; θ.addcdiv_(m, denominator, value: -step size).
        float denominator = __builtin_sqrtf(v) / f.correction2_root + f.eps;
        parameters[i] = theta + f.negative_step_size * m / denominator;
    }
}

static inline __attribute__((always_inline)) void expt_adam_step_loop(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay, bool amsgrad,
    expt_adam_factors f) {
    bool coupled = decay.mode == EXPT_DECAY_COUPLED, decoupled = decay.mode == EXPT_DECAY_DECOUPLED;
#define ADAM(c, d, a) \
    adam_elements(parameters, gradients, first_moment, second_moment, max_second_moment, count, decay, f, c, d, a)
    if (coupled) {
        if (amsgrad) ADAM(true, false, true); else ADAM(true, false, false);
    } else if (decoupled) {
        if (amsgrad) ADAM(false, true, true); else ADAM(false, true, false);
    } else {
        if (amsgrad) ADAM(false, false, true); else ADAM(false, false, false);
    }
#undef ADAM
}

EXPT_ISA_VERSIONS(expt_adam_step,
                  (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                   float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay,
                   bool amsgrad, expt_adam_factors factors),
                  (parameters, gradients, first_moment, second_moment, max_second_moment, count, decay, amsgrad,
                   factors))
