// Copies and sums through a 0/1 mask, for im2col and col2im.
#ifndef EXPT_MASKED_H
#define EXPT_MASKED_H

#include "expt_cpu.h"

/// target[i] = keep[i] == 0 ? 0 : source[i], for `count` values, with the kernels of `isa`.
void expt_masked_copy(expt_isa isa, const float *source, float *target, const float *keep, long count);

/// target[i] += keep[i] == 0 ? 0 : source[i], for `count` values, with the kernels of `isa`.
void expt_masked_add(expt_isa isa, const float *source, float *target, const float *keep, long count);

#endif
