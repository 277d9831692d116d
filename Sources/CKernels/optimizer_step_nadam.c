// NAdam (torch.optim.NAdam): the loop of ExptOptim's NAdamKernel.
#include "expt_optimizer_steps.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

#include <math.h>

/// One pass over the buffers with the weight decay mode fixed.
static inline __attribute__((always_inline)) void nadam_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors f, bool coupled, bool decoupled) {
    bool near = fabsf(f.first_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        if (decoupled) theta = theta * decay.decoupled_factor;
        if (coupled) g = g + decay.coupled_decay * theta;
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float v = second_moment[i] * f.beta2 + f.second_weight * g * g;
        first_moment[i] = m;
        second_moment[i] = v;
        // denominator = √(v / (1 - β₂ᵗ)) + ε; two addcdiv_ calls: the gradient's share, then the moment's.
        float denominator = __builtin_sqrtf(v / f.correction2) + f.eps;
        theta = theta + f.gradient_factor * g / denominator;
        parameters[i] = theta + f.moment_factor * m / denominator;
    }
}

static inline __attribute__((always_inline)) void expt_nadam_step_loop(
    float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
    float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors f) {
    switch (decay.mode) {
    case EXPT_DECAY_COUPLED:
        nadam_elements(parameters, gradients, first_moment, second_moment, count, decay, f, true, false);
        break;
    case EXPT_DECAY_DECOUPLED:
        nadam_elements(parameters, gradients, first_moment, second_moment, count, decay, f, false, true);
        break;
    default:
        nadam_elements(parameters, gradients, first_moment, second_moment, count, decay, f, false, false);
        break;
    }
}

EXPT_ISA_VERSIONS(expt_nadam_step,
                  (float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                   float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors factors),
                  (parameters, gradients, first_moment, second_moment, count, decay, factors))
