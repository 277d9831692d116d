// The elementwise kernels of one instruction set (see expt_elementwise.h for what each does).
#ifndef EXPT_ELEMENTWISE_KERNELS_H
#define EXPT_ELEMENTWISE_KERNELS_H

typedef struct {
    void (*exp)(float *values, long count);
    void (*tanh)(float *values, long count);
    void (*sigmoid)(float *values, long count);
    void (*gru_forward)(long batch, long units, float *gates, const float *projected, const float *previous,
                        float *candidates, float *hidden);
    void (*gru_backward)(long batch, long units, const float *gates, const float *gradients,
                         const float *candidates, const float *previous, float *input_side, float *hidden_side);
    void (*gru_carry)(long batch, long units, const float *gates, const float *gradients, float *carried);
    void (*lstm_forward)(long batch, long units, float *gates, const float *previous_cells, float *cells,
                         float *hidden);
    void (*lstm_backward)(long batch, long units, const float *gates, const float *cells,
                          const float *previous_cells, const float *gradients, float *cell_gradients,
                          float *gate_gradients);
    void (*add_row_bias)(long rows, long columns, float *values, const float *bias);
} elementwise_kernels;

#if defined(__x86_64__)
extern const elementwise_kernels elementwise_kernels_avx512;
extern const elementwise_kernels elementwise_kernels_avx2;
#endif
extern const elementwise_kernels elementwise_kernels_baseline;

#endif
