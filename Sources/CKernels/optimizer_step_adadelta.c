// Adadelta (torch.optim.Adadelta): the loop of ExptOptim's AdadeltaKernel.
#include "optimizer_loop.h"

/// One pass over the buffers with the weight decay mode fixed.
static inline __attribute__((always_inline)) void expt_adadelta_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict mean_squared_gradient,
    float *restrict mean_squared_step, long count, expt_decay decay, expt_adadelta_factors f, bool coupled,
    bool decoupled) {
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        apply_decay(&theta, &g, decay, coupled, decoupled);
        float v = mean_squared_gradient[i] * f.rho + f.new_weight * g * g;
        mean_squared_gradient[i] = v;
        // delta = √(u + ε); delta.div_(√(v + ε)).mul_(g).
        float u = mean_squared_step[i];
        float delta = __builtin_sqrtf(u + f.eps) / __builtin_sqrtf(v + f.eps) * g;
        mean_squared_step[i] = u * f.rho + f.new_weight * delta * delta;
        parameters[i] = theta + f.negative_rate * delta;
    }
}

EXPT_OPTIMIZER_STEP(expt_adadelta_step,
                    (float *restrict parameters, const float *restrict gradients,
                     float *restrict mean_squared_gradient, float *restrict mean_squared_step, long count,
                     expt_decay decay, expt_adadelta_factors factors),
                    (parameters, gradients, mean_squared_gradient, mean_squared_step, count, decay, factors))
