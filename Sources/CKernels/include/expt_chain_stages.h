// The Float loops of ExptOptim's chains of transformations (Sources/ExptOptim/Chain) that the
// common chains run: the loops between and after the stages (ChainKernels) and the stages of
// scale_by_adam, trace, clip and scale_by_rms / scale_by_stddev. Each computes exactly the IEEE
// operations of its Swift loop, in the same order, so the same bits; compiled for AVX-512, AVX2
// and the baseline and chosen at run time (see expt_cpu.h). Each runs over `count` elements
// from the pointers given. An update's input may be the memory it writes (a block's numerator),
// so those pointers are not `restrict`.
#ifndef EXPT_CHAIN_STAGES_H
#define EXPT_CHAIN_STAGES_H

#include <stdbool.h>
#include "expt_optimizer_steps.h"

/// u = (c n) / d, c n or n / d (`scaled` false: c is not applied; `denominator` NULL: no d).
void expt_chain_materialise(const float *input, const float *restrict denominator, float factor, bool scaled, float *output,
                            long count);

/// u + λθ.
void expt_chain_add_weights(const float *input, const float *restrict parameters, float rate, float *output, long count);

/// θ ← θ f + (c n) / d (θ + … without `decayed`, c n without a denominator).
void expt_chain_step(float *restrict parameters, const float *restrict numerator, const float *restrict denominator, float factor,
                     bool decayed, float decay_factor, long count);

/// scale_by_adam: m, v (and v's maximum), d = √v / √(1 − β₂ᵗ) + ε; m is the numerator.
void expt_chain_adam(const float *restrict input, float *restrict first_moment, float *restrict second_moment,
                     float *restrict max_second_moment, float *restrict denominator, long count, expt_two_moments moments,
                     float eps, float correction2_root, bool amsgrad);

/// trace: b ← u (first step) or μ b + (1 − τ) u; then u + μ b (Nesterov) or b. u is
/// input / input_denominator when that is not NULL.
void expt_chain_trace(const float *input, const float *restrict input_denominator, float *restrict buffer, float *numerator,
                      long count, float momentum, float keep, bool first_step, bool nesterov);

/// clip: u clamped to [−δ, δ] as max(u, −δ), then 0 − max(0 − that, −δ) (NaN stays NaN).
void expt_chain_clip(const float *input, float *output, long count, float negative_bound);

/// scale_by_rms (`mean_gradient` NULL) and scale_by_stddev: v ← v α + (1 − α) u², ḡ ← lerp(ḡ, u, 1 − α),
/// d = √(v − ḡ²) + ε or √v + ε; u is the numerator.
void expt_chain_root_mean_square(const float *input, float *restrict mean_square, float *restrict mean_gradient,
                                 float *numerator, float *restrict denominator, long count, float alpha, float new_weight,
                                 float eps);

#endif
