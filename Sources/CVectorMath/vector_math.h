// Vector square roots (and maxima, below) for the optimizers' SIMD loops. Swift's Float.squareRoot() goes
// through C's sqrtf, which may set errno, so LLVM keeps it scalar (a sqrtss per lane and a
// call for negative inputs); these are IEEE square roots of every lane in one instruction
// (sqrtps/sqrtpd), correctly rounded, so they give the same bits as the scalar one.
#ifndef EXPT_VECTOR_MATH_H
#define EXPT_VECTOR_MATH_H

typedef float expt_float8 __attribute__((ext_vector_type(8)));
typedef double expt_double4 __attribute__((ext_vector_type(4)));

static inline __attribute__((always_inline)) expt_float8 expt_sqrt_float8(expt_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

static inline __attribute__((always_inline)) expt_double4 expt_sqrt_double4(expt_double4 x) {
    return __builtin_elementwise_sqrt(x);
}

// torch's maximum of every lane: the larger, NaN where either is NaN (a where a > b or a is
// NaN, else b), as compares and a blend. Swift's SIMD `replacing(with:where:)` is a loop over
// the lanes, with the mask built lane by lane on the stack.
static inline __attribute__((always_inline)) expt_float8 expt_maximum_float8(expt_float8 a, expt_float8 b) {
    return ((a > b) | (a != a)) ? a : b;
}

static inline __attribute__((always_inline)) expt_double4 expt_maximum_double4(expt_double4 a, expt_double4 b) {
    return ((a > b) | (a != a)) ? a : b;
}

#endif
