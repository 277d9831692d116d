// expt's pooling kernels.
#ifndef EXPT_POOL_H
#define EXPT_POOL_H

#include <stdint.h>

#include "expt_cpu.h"

/// Max pooling over 2 x 2 windows with stride 2 of `planes` planes of height x width floats
/// (whole planes, one after another), into planes of (height / 2) x (width / 2) maxima. Each
/// window keeps its first maximum, row by row (a later value replaces only if strictly greater,
/// so a NaN in the first position stays and later NaNs never replace); `indices` gets its
/// position within the example, (plane mod channels) · height · width + row · width + column.
/// Runs the kernels of `isa`.
void expt_max_pool_2x2(expt_isa isa, const float *input, long planes, long channels, long height, long width, float *values,
                       int32_t *indices);

#endif
