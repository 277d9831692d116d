// RMSprop (torch.optim.RMSprop): the loop of ExptOptim's RMSpropKernel.
#include "optimizer_loop.h"

#include <math.h>

/// One pass over the buffers with weight decay, centering and momentum fixed.
static inline __attribute__((always_inline)) void rmsprop_pass(
    float *restrict parameters, const float *restrict gradients, float *restrict mean_square,
    float *restrict mean_gradient, float *restrict momentum_buffer, long count, expt_decay decay,
    expt_rmsprop_factors f, bool coupled, bool decoupled, bool centered, bool momentum) {
    bool near = fabsf(f.new_weight) < 0.5f;
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        apply_decay(&theta, &g, decay, coupled, decoupled);
        // v.mul_(α).addcmul_(g, g, value: 1 - α).
        float v = mean_square[i] * f.alpha + f.new_weight * g * g;
        mean_square[i] = v;
        float variance = v;
        if (centered) {
            // ḡ.lerp_(g, 1 - α); v.addcmul(ḡ, ḡ, value: -1).
            float mean = lerp(mean_gradient[i], g, f.new_weight, near);
            mean_gradient[i] = mean;
            variance = v + -1.0f * mean * mean;
        }
        float denominator = __builtin_sqrtf(variance) + f.eps;
        if (momentum) {
            // b.mul_(μ).addcdiv_(g, denominator); θ.add_(b, alpha: -γ).
            float b = momentum_buffer[i] * f.momentum + g / denominator;
            momentum_buffer[i] = b;
            parameters[i] = theta + f.negative_rate * b;
        } else {
            parameters[i] = theta + f.negative_rate * g / denominator;
        }
    }
}

static inline __attribute__((always_inline)) void expt_rmsprop_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict mean_square,
    float *restrict mean_gradient, float *restrict momentum_buffer, long count, expt_decay decay, bool centered,
    expt_rmsprop_factors f, bool coupled, bool decoupled) {
    bool momentum = f.momentum > 0;
#define RMSPROP(ctr, mom) \
    rmsprop_pass(parameters, gradients, mean_square, mean_gradient, momentum_buffer, count, decay, f, coupled, \
                 decoupled, ctr, mom)
    if (centered) {
        if (momentum) RMSPROP(true, true); else RMSPROP(true, false);
    } else {
        if (momentum) RMSPROP(false, true); else RMSPROP(false, false);
    }
#undef RMSPROP
}

EXPT_OPTIMIZER_STEP(expt_rmsprop_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict mean_square,
                     float *restrict mean_gradient, float *restrict momentum_buffer, long count, expt_decay decay,
                     bool centered, expt_rmsprop_factors factors),
                    (parameters, gradients, mean_square, mean_gradient, momentum_buffer, count, decay, centered,
                     factors))
