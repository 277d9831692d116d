#include "gemm_kernels.h"

typedef float float16 __attribute__((ext_vector_type(16)));
typedef float float16_unaligned __attribute__((ext_vector_type(16), aligned(4)));

// The body of every kernel: MR rows by NV vectors of 16 columns. The sums start at zero and
// take one fused multiply-add per product, in the order of k; the update then uses separate
// multiplications and additions, as gemm_updated does.
#define GEMM_MICRO_KERNEL(NAME, TARGET, MR, NV)                                                      \
    TARGET static void NAME(long kc, const float *restrict a, long a_row_stride, long a_k_stride,     \
                            const float *restrict b, long b_k_stride, float *restrict c, long ldc,    \
                            float alpha, float beta, gemm_update update) {                           \
        float16 sum[MR][NV];                                                                         \
        _Pragma("unroll") for (int i = 0; i < MR; i++)                                               \
            _Pragma("unroll") for (int v = 0; v < NV; v++) sum[i][v] = 0;                            \
        for (long p = 0; p < kc; p++) {                                                              \
            float16 b_row[NV];                                                                       \
            _Pragma("unroll") for (int v = 0; v < NV; v++) b_row[v] = *(const float16_unaligned *)(b + 16 * v); \
            _Pragma("unroll") for (int i = 0; i < MR; i++) {                                         \
                float16 a_value = a[i * a_row_stride];                                               \
                _Pragma("unroll") for (int v = 0; v < NV; v++)                                       \
                    sum[i][v] = __builtin_elementwise_fma(a_value, b_row[v], sum[i][v]);             \
            }                                                                                        \
            a += a_k_stride;                                                                         \
            b += b_k_stride;                                                                         \
        }                                                                                            \
        float16 alphas = alpha, betas = beta;                                                        \
        _Pragma("unroll") for (int i = 0; i < MR; i++)                                               \
            _Pragma("unroll") for (int v = 0; v < NV; v++) {                                         \
                float16_unaligned *tile = (float16_unaligned *)(c + i * ldc + 16 * v);               \
                switch (update) {                                                                    \
                case GEMM_ASSIGN: *tile = alphas * sum[i][v]; break;                                 \
                case GEMM_SCALE: *tile = alphas * sum[i][v] + betas * *tile; break;                  \
                case GEMM_ACCUMULATE: *tile = *tile + alphas * sum[i][v]; break;                     \
                }                                                                                    \
            }                                                                                        \
    }

#if defined(__x86_64__)
GEMM_MICRO_KERNEL(kernel_avx512, __attribute__((target("avx512f,fma"))), 8, 2)
GEMM_MICRO_KERNEL(kernel_avx512_narrow, __attribute__((target("avx512f,fma"))), 8, 1)
GEMM_MICRO_KERNEL(kernel_avx2, __attribute__((target("avx2,fma"))), 6, 1)
#endif
GEMM_MICRO_KERNEL(kernel_baseline, , 4, 1)

gemm_kernel_shape gemm_kernel_for(expt_isa isa) {
    switch (isa) {
#if defined(__x86_64__)
    case EXPT_ISA_AVX512: return (gemm_kernel_shape){8, 32, kernel_avx512, 16, kernel_avx512_narrow};
    case EXPT_ISA_AVX2_FMA: return (gemm_kernel_shape){6, 16, kernel_avx2, 16, kernel_avx2};
#endif
    default: return (gemm_kernel_shape){4, 16, kernel_baseline, 16, kernel_baseline};
    }
}
