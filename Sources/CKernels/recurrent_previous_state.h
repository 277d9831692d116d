// The previous state a recurrent kernel reads (h(t - 1) or c(t - 1)): NULL at the first step,
// where it stands for zeros.
#ifndef EXPT_RECURRENT_PREVIOUS_STATE_H
#define EXPT_RECURRENT_PREVIOUS_STATE_H

#include "vector_math.h"

/// Example `example`'s row of the previous `states` (`units` values per example), or NULL.
VECTOR_MATH_INLINE const float *previous_row(const float *states, long example, long units) {
    return states ? states + example * units : 0;
}

/// The first `lanes` values of `row` from `j` on, or zeros when `row` is NULL.
VECTOR_MATH_INLINE float16 previous_values(const float *row, long j, long lanes) {
    return row ? vm_load(row + j, lanes) : 0;
}

#endif
