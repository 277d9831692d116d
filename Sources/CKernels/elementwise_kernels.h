// The elementwise kernels of one instruction set (see expt_elementwise.h for what each does).
#ifndef EXPT_ELEMENTWISE_KERNELS_H
#define EXPT_ELEMENTWISE_KERNELS_H

typedef struct {
    void (*exp)(float *values, long count);
    void (*tanh)(float *values, long count);
    void (*sigmoid)(float *values, long count);
    void (*add_row_bias)(long rows, long columns, float *values, const float *bias);
} elementwise_kernels;

#if defined(__x86_64__)
extern const elementwise_kernels elementwise_kernels_avx512;
extern const elementwise_kernels elementwise_kernels_avx2;
#endif
extern const elementwise_kernels elementwise_kernels_baseline;

#endif
