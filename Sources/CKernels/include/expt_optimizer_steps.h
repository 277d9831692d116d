// The Float update loops of ExptOptim's rules bound by division and square root, one function
// per rule over the flat buffers (tail included), compiled for AVX-512, AVX2 and the baseline
// and chosen at run time (see expt_cpu.h). Each computes exactly the IEEE operations of its
// Swift kernel (Sources/ExptOptim/Kernels), in the same order, so the same bits; the scalar
// factors of a step are computed in Swift and passed in. The buffers must not overlap; a
// buffer an option does not use (AMSGrad's maximum without AMSGrad, say) is not read.
#ifndef EXPT_OPTIMIZER_STEPS_H
#define EXPT_OPTIMIZER_STEPS_H

#include <stdbool.h>

/// How a rule applies weight decay in a step (ExptOptim's WeightDecayMode).
typedef enum {
    EXPT_DECAY_NONE = 0,
    /// g <- g + λθ.
    EXPT_DECAY_COUPLED = 1,
    /// θ <- θ(1 - γλ) before the update.
    EXPT_DECAY_DECOUPLED = 2,
} expt_weight_decay;

/// Weight decay as every rule takes it: the mode, λ (coupled) and 1 - γλ (decoupled).
typedef struct {
    expt_weight_decay mode;
    float coupled_decay;
    float decoupled_factor;
} expt_decay;

/// The moments of the Adam-like rules (ExptOptim's TwoMoments): m <- lerp(m, g, 1 - β₁), v <- β₂ v + (1 - β₂) g².
typedef struct {
    float first_weight;   ///< 1 - β₁, lerp's weight
    float beta2;
    float second_weight;  ///< 1 - β₂
} expt_two_moments;

/// Adam and AdamW (AdamKernel): m, v, and v's running maximum with AMSGrad.
typedef struct {
    expt_two_moments moments;
    float eps;
    float correction2_root;    ///< √(1 - β₂ᵗ)
    float negative_step_size;  ///< -γ / (1 - β₁ᵗ)
} expt_adam_factors;

void expt_adam_step(float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                    float *restrict second_moment, float *restrict max_second_moment, long count, expt_decay decay,
                    bool amsgrad, expt_adam_factors factors);

/// NAdam (NAdamKernel).
typedef struct {
    expt_two_moments moments;
    float eps;
    float correction2;      ///< 1 - β₂ᵗ
    float gradient_factor;  ///< -γ (1 - μₜ) / (1 - Πₜ)
    float moment_factor;    ///< -γ μₜ₊₁ / (1 - Πₜ μₜ₊₁)
} expt_nadam_factors;

void expt_nadam_step(float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict second_moment, long count, expt_decay decay, expt_nadam_factors factors);

/// RAdam (RAdamKernel); `rectified` is ρₜ > 5.
typedef struct {
    expt_two_moments moments;
    float eps;
    float correction1;      ///< 1 - β₁ᵗ
    float correction2_root; ///< √(1 - β₂ᵗ)
    float rectification;
    float rate;             ///< γ
} expt_radam_factors;

void expt_radam_step(float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                     float *restrict second_moment, long count, expt_decay decay, bool rectified,
                     expt_radam_factors factors);

/// Adamax (AdamaxKernel).
typedef struct {
    float first_weight;        ///< 1 - β₁
    float beta2;
    float eps;
    float negative_step_size;  ///< -γ / (1 - β₁ᵗ)
} expt_adamax_factors;

void expt_adamax_step(float *restrict parameters, const float *restrict gradients, float *restrict first_moment,
                      float *restrict infinity_norm, long count, expt_decay decay, expt_adamax_factors factors);

/// Adagrad (AdagradKernel).
typedef struct {
    float eps;
    float negative_rate;  ///< -γ / (1 + (t - 1) η)
} expt_adagrad_factors;

void expt_adagrad_step(float *restrict parameters, const float *restrict gradients, float *restrict sum_of_squares,
                       long count, expt_decay decay, expt_adagrad_factors factors);

/// RMSprop (RMSpropKernel); momentum μ, used when positive.
typedef struct {
    float alpha;
    float new_weight;  ///< 1 - α
    float eps;
    float momentum;
    float negative_rate;  ///< -γ
} expt_rmsprop_factors;

void expt_rmsprop_step(float *restrict parameters, const float *restrict gradients, float *restrict mean_square,
                       float *restrict mean_gradient, float *restrict momentum_buffer, long count, expt_decay decay,
                       bool centered, expt_rmsprop_factors factors);

/// Adadelta (AdadeltaKernel).
typedef struct {
    float rho;
    float new_weight;  ///< 1 - ρ
    float eps;
    float negative_rate;  ///< -γ
} expt_adadelta_factors;

void expt_adadelta_step(float *restrict parameters, const float *restrict gradients,
                        float *restrict mean_squared_gradient, float *restrict mean_squared_step, long count,
                        expt_decay decay, expt_adadelta_factors factors);

/// Lion (LionKernel); its weight decay is decoupled or none.
typedef struct {
    float beta1;
    float interpolation_weight;  ///< 1 - β₁
    float beta2;
    float decay_weight;          ///< 1 - β₂
    float negative_rate;         ///< -γ
} expt_lion_factors;

void expt_lion_step(float *restrict parameters, const float *restrict gradients, float *restrict momentum, long count,
                    expt_decay decay, expt_lion_factors factors);

#endif
