// Vector square roots for the optimizers' SIMD loops. Swift's Float.squareRoot() goes
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

#endif
