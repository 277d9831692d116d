// Adagrad (torch.optim.Adagrad): the loop of ExptOptim's AdagradKernel.
#include "optimizer_loop.h"

/// One pass over the buffers with the weight decay mode fixed.
static inline __attribute__((always_inline)) void expt_adagrad_step_elements(
    float *restrict parameters, const float *restrict gradients, float *restrict sum_of_squares, long count,
    expt_decay decay, expt_adagrad_factors f, bool coupled, bool decoupled) {
    for (long i = 0; i < count; i++) {
        float theta = parameters[i], g = gradients[i];
        apply_decay(&theta, &g, decay, coupled, decoupled);
        // s.addcmul_(g, g); θ.addcdiv_(g, √s + ε, value: -rate).
        float s = sum_of_squares[i] + g * g;
        sum_of_squares[i] = s;
        parameters[i] = theta + f.negative_rate * g / (__builtin_sqrtf(s) + f.eps);
    }
}

EXPT_OPTIMIZER_STEP(expt_adagrad_step,
                    (float *restrict parameters, const float *restrict gradients, float *restrict sum_of_squares,
                     long count, expt_decay decay, expt_adagrad_factors factors),
                    (parameters, gradients, sum_of_squares, count, decay, factors))
