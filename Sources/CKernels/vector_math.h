// exp, tanh and the logistic function on sixteen lanes, for the elementwise kernels: Cephes'
// single-precision algorithms (S. L. Moshier). exp by range reduction x = n ln 2 + r (ln 2 in
// two parts, so n · ln 2 is exact), a degree-7 polynomial for e^r on |r| <= ln 2 / 2 and 2^n
// put in the exponent bits; tanh by an odd polynomial for |x| < 0.625 (no cancellation near 0)
// and 1 - 2 / (e^{2|x|} + 1) beyond. Within 2 ulps of the correctly rounded values.
//
// Every operation is a separate IEEE operation in a fixed order (the target compiles with
// -ffp-contract=off: no fused multiply-adds), so each lane gives the same bits at every vector
// width; these are the exact operations of expt's earlier Swift implementation. Negation is
// written 0 - x, as Swift's SIMD negation is: it keeps a NaN's sign, where -x would flip it.
#ifndef EXPT_VECTOR_MATH_H
#define EXPT_VECTOR_MATH_H

typedef float float16 __attribute__((ext_vector_type(16)));
typedef float float16_unaligned __attribute__((ext_vector_type(16), aligned(4)));
typedef int int16 __attribute__((ext_vector_type(16)));
typedef unsigned int uint16 __attribute__((ext_vector_type(16)));

#define VECTOR_MATH_INLINE static inline __attribute__((always_inline))

// Sixteen-lane vectors passed to and returned from these functions would change the calling
// convention below AVX-512 (-Wpsabi), but the functions are always inlined: no call remains.
#pragma clang diagnostic ignored "-Wpsabi"

/// Walks `count` values sixteen lanes at a time: `j` the first index of each vector, `lanes` how
/// many of its lanes are in the row (16, or fewer for the last, partial vector).
#define FOR_EACH_VECTOR(j, lanes, count) \
    for (long j = 0, lanes = (count) < 16 ? (count) : 16; j < (count); j += 16, lanes = (count) - j < 16 ? (count) - j : 16)

/// `when_true` in the lanes where `mask` is set (all ones), `when_false` elsewhere, bit for bit.
VECTOR_MATH_INLINE float16 vm_select(int16 mask, float16 when_true, float16 when_false) {
    return (float16)(((int16)when_true & mask) | ((int16)when_false & ~mask));
}

/// The first `lanes` values at `pointer` (1...16), the other lanes zero.
VECTOR_MATH_INLINE float16 vm_load(const float *pointer, long lanes) {
    if (lanes == 16) return *(const float16_unaligned *)pointer;
    float16 vector = 0;
    for (long lane = 0; lane < lanes; lane++) vector[lane] = pointer[lane];
    return vector;
}

/// Stores the first `lanes` lanes of `vector` at `pointer`.
VECTOR_MATH_INLINE void vm_store(float16 vector, float *pointer, long lanes) {
    if (lanes == 16) {
        *(float16_unaligned *)pointer = vector;
        return;
    }
    for (long lane = 0; lane < lanes; lane++) pointer[lane] = vector[lane];
}

/// e^x, for x clamped to [-87.3, 88.3] (no subnormal or infinite results; none is needed here).
VECTOR_MATH_INLINE float16 vm_exp(float16 x) {
    x = vm_select(x < -87.3f, (float16)-87.3f, x);
    x = vm_select(x > 88.3f, (float16)88.3f, x);
    // n = round(x / ln 2), to nearest even, by the 1.5 · 2^23 shifter: adding it leaves n in
    // the low mantissa bits.
    const float shifter = 12582912.0f;
    float16 shifted = x * 1.44269504088896341f + shifter;
    float16 n = shifted - shifter;
    float16 r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float16 p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * (r * r) + r + 1;
    // 2^n, n in [-126, 128): the biased exponent n + 127 in bits 23...30 (unsigned lanes, so
    // the arithmetic wraps as the bit patterns need).
    uint16 integer = (uint16)shifted - 0x4B400000u;
    uint16 exponent = (integer + 127) << 23;
    return p * (float16)exponent;
}

VECTOR_MATH_INLINE float16 vm_tanh(float16 x) {
    int16 negative = x < 0;
    float16 magnitude = vm_select(negative, 0 - x, x);
    // |x| >= 0.625: 1 - 2 / (e^{2|x|} + 1), with the sign of x.
    float16 large = 1 - 2 / (vm_exp(2 * magnitude) + 1);
    float16 with_sign = vm_select(negative, 0 - large, large);
    // |x| < 0.625: x + x · z · P(z), z = x^2.
    float16 z = x * x;
    float16 p = -5.70498872745e-3f;
    p = p * z + 2.06390887954e-2f;
    p = p * z - 5.37397155531e-2f;
    p = p * z + 1.33314422036e-1f;
    p = p * z - 3.33332819422e-1f;
    float16 small = p * z * x + x;
    return vm_select(magnitude < 0.625f, small, with_sign);
}

/// 1 / (1 + e^{-x}).
VECTOR_MATH_INLINE float16 vm_sigmoid(float16 x) {
    return 1 / (1 + vm_exp(0 - x));
}

#endif
