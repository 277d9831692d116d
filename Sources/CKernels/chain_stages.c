// The loops of ExptOptim's chains (include/expt_chain_stages.h): ChainKernels' materialise,
// addWeights and step, and the stages of ScaleByAdam, Trace, Clip and RootMeanSquareKernel.
#include "expt_chain_stages.h"
#include "isa_versions.h"
#include "optimizer_lanes.h"

/// Each iteration reads and writes element i only: the loops vectorise even where a stage's
/// input is the memory it writes (clang would otherwise test the pointers for overlap at run time
/// and take its scalar loop for an update made in place).
#define EXPT_ELEMENTWISE _Pragma("clang loop vectorize(assume_safety)")

static inline __attribute__((always_inline)) void expt_chain_materialise_loop(
    const float *input, const float *restrict denominator, float factor, bool scaled, float *output, long count) {
    if (scaled && denominator) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) output[i] = factor * input[i] / denominator[i];
    } else if (denominator) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) output[i] = input[i] / denominator[i];
    } else if (scaled) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) output[i] = factor * input[i];
    } else {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) output[i] = input[i];
    }
}

EXPT_ISA_VERSIONS(expt_chain_materialise,
                  (const float *input, const float *restrict denominator, float factor, bool scaled, float *output, long count),
                  (input, denominator, factor, scaled, output, count))

static inline __attribute__((always_inline)) void expt_chain_add_weights_loop(
    const float *input, const float *restrict parameters, float rate, float *output, long count) {
    // torch's coupled decay, g.add(θ, alpha: λ): g + λθ.
    EXPT_ELEMENTWISE for (long i = 0; i < count; i++) output[i] = input[i] + rate * parameters[i];
}

EXPT_ISA_VERSIONS(expt_chain_add_weights,
                  (const float *input, const float *restrict parameters, float rate, float *output, long count),
                  (input, parameters, rate, output, count))

static inline __attribute__((always_inline)) void expt_chain_step_loop(
    float *restrict parameters, const float *restrict numerator, const float *restrict denominator, float factor,
    bool decayed, float decay_factor, long count) {
    if (decayed && denominator) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) parameters[i] = parameters[i] * decay_factor + factor * numerator[i] / denominator[i];
    } else if (decayed) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) parameters[i] = parameters[i] * decay_factor + factor * numerator[i];
    } else if (denominator) {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) parameters[i] = parameters[i] + factor * numerator[i] / denominator[i];
    } else {
        EXPT_ELEMENTWISE for (long i = 0; i < count; i++) parameters[i] = parameters[i] + factor * numerator[i];
    }
}

EXPT_ISA_VERSIONS(expt_chain_step,
                  (float *restrict parameters, const float *restrict numerator, const float *restrict denominator, float factor,
                   bool decayed, float decay_factor, long count),
                  (parameters, numerator, denominator, factor, decayed, decay_factor, count))

/// One pass of scale_by_adam with its options fixed.
static inline __attribute__((always_inline)) void expt_chain_adam_elements(
    const float *restrict input, float *restrict first_moment, float *restrict second_moment, float *restrict max_second_moment,
    float *restrict denominator, long count, expt_two_moments f, float eps, float correction2_root, bool amsgrad, bool near) {
    EXPT_ELEMENTWISE for (long i = 0; i < count; i++) {
        float g = input[i];
        float m = lerp(first_moment[i], g, f.first_weight, near);
        float v = f.beta2 * second_moment[i] + f.second_weight * g * g;
        first_moment[i] = m;
        second_moment[i] = v;
        float used = v;
        if (amsgrad) {
            used = maximum(max_second_moment[i], v);
            max_second_moment[i] = used;
        }
        denominator[i] = __builtin_sqrtf(used) / correction2_root + eps;
    }
}

static inline __attribute__((always_inline)) void expt_chain_adam_loop(
    const float *restrict input, float *restrict first_moment, float *restrict second_moment, float *restrict max_second_moment,
    float *restrict denominator, long count, expt_two_moments f, float eps, float correction2_root, bool amsgrad) {
    bool near = __builtin_fabsf(f.first_weight) < 0.5f;
#define EXPT_CHAIN_ADAM(AMSGRAD, NEAR) \
    expt_chain_adam_elements(input, first_moment, second_moment, max_second_moment, denominator, count, f, eps, correction2_root, \
                             AMSGRAD, NEAR)
    if (amsgrad) {
        if (near) EXPT_CHAIN_ADAM(true, true); else EXPT_CHAIN_ADAM(true, false);
    } else {
        if (near) EXPT_CHAIN_ADAM(false, true); else EXPT_CHAIN_ADAM(false, false);
    }
#undef EXPT_CHAIN_ADAM
}

EXPT_ISA_VERSIONS(expt_chain_adam,
                  (const float *restrict input, float *restrict first_moment, float *restrict second_moment,
                   float *restrict max_second_moment, float *restrict denominator, long count, expt_two_moments moments,
                   float eps, float correction2_root, bool amsgrad),
                  (input, first_moment, second_moment, max_second_moment, denominator, count, moments, eps, correction2_root,
                   amsgrad))

/// One pass of trace with its options fixed (`quotient`: u is input / input_denominator).
static inline __attribute__((always_inline)) void expt_chain_trace_elements(
    const float *input, const float *restrict input_denominator, float *restrict buffer, float *numerator, long count,
    float momentum, float keep, bool first_step, bool nesterov, bool quotient) {
    EXPT_ELEMENTWISE for (long i = 0; i < count; i++) {
        float g = quotient ? input[i] / input_denominator[i] : input[i];
        float b = first_step ? g : momentum * buffer[i] + keep * g;
        buffer[i] = b;
        numerator[i] = nesterov ? g + momentum * b : b;
    }
}

static inline __attribute__((always_inline)) void expt_chain_trace_loop(
    const float *input, const float *restrict input_denominator, float *restrict buffer, float *numerator, long count,
    float momentum, float keep, bool first_step, bool nesterov) {
#define EXPT_CHAIN_TRACE(FIRST, NESTEROV, QUOTIENT) \
    expt_chain_trace_elements(input, input_denominator, buffer, numerator, count, momentum, keep, FIRST, NESTEROV, QUOTIENT)
#define EXPT_CHAIN_TRACE_BY_QUOTIENT(FIRST, NESTEROV) \
    if (input_denominator) EXPT_CHAIN_TRACE(FIRST, NESTEROV, true); else EXPT_CHAIN_TRACE(FIRST, NESTEROV, false);
    if (first_step) {
        if (nesterov) { EXPT_CHAIN_TRACE_BY_QUOTIENT(true, true) } else { EXPT_CHAIN_TRACE_BY_QUOTIENT(true, false) }
    } else {
        if (nesterov) { EXPT_CHAIN_TRACE_BY_QUOTIENT(false, true) } else { EXPT_CHAIN_TRACE_BY_QUOTIENT(false, false) }
    }
#undef EXPT_CHAIN_TRACE_BY_QUOTIENT
#undef EXPT_CHAIN_TRACE
}

EXPT_ISA_VERSIONS(expt_chain_trace,
                  (const float *input, const float *restrict input_denominator, float *restrict buffer, float *numerator, long count,
                   float momentum, float keep, bool first_step, bool nesterov),
                  (input, input_denominator, buffer, numerator, count, momentum, keep, first_step, nesterov))

static inline __attribute__((always_inline)) void expt_chain_clip_loop(const float *input, float *output, long count,
                                                                       float negative_bound) {
    // min(a, δ) = −max(−a, −δ), with torch's maximum (a NaN wins), as ExptOptim's ClipKernel.
    EXPT_ELEMENTWISE for (long i = 0; i < count; i++) {
        float raised = maximum(input[i], negative_bound);
        output[i] = 0.0f - maximum(0.0f - raised, negative_bound);
    }
}

EXPT_ISA_VERSIONS(expt_chain_clip, (const float *input, float *output, long count, float negative_bound),
                  (input, output, count, negative_bound))

/// One pass of the root mean square, centred or not.
static inline __attribute__((always_inline)) void expt_chain_root_mean_square_elements(
    const float *input, float *restrict mean_square, float *restrict mean_gradient, float *numerator,
    float *restrict denominator, long count, float alpha, float new_weight, float eps, bool centered, bool near) {
    EXPT_ELEMENTWISE for (long i = 0; i < count; i++) {
        float g = input[i];
        float v = mean_square[i] * alpha + new_weight * g * g;
        mean_square[i] = v;
        float variance = v;
        if (centered) {
            float mean = lerp(mean_gradient[i], g, new_weight, near);
            mean_gradient[i] = mean;
            variance = v + -1.0f * mean * mean;
        }
        numerator[i] = g;
        denominator[i] = __builtin_sqrtf(variance) + eps;
    }
}

static inline __attribute__((always_inline)) void expt_chain_root_mean_square_loop(
    const float *input, float *restrict mean_square, float *restrict mean_gradient, float *numerator,
    float *restrict denominator, long count, float alpha, float new_weight, float eps) {
    bool near = __builtin_fabsf(new_weight) < 0.5f;
#define EXPT_CHAIN_RMS(CENTERED, NEAR) \
    expt_chain_root_mean_square_elements(input, mean_square, mean_gradient, numerator, denominator, count, alpha, new_weight, eps, \
                                         CENTERED, NEAR)
    if (mean_gradient) {
        if (near) EXPT_CHAIN_RMS(true, true); else EXPT_CHAIN_RMS(true, false);
    } else {
        EXPT_CHAIN_RMS(false, true);
    }
#undef EXPT_CHAIN_RMS
}

EXPT_ISA_VERSIONS(expt_chain_root_mean_square,
                  (const float *input, float *restrict mean_square, float *restrict mean_gradient, float *numerator,
                   float *restrict denominator, long count, float alpha, float new_weight, float eps),
                  (input, mean_square, mean_gradient, numerator, denominator, count, alpha, new_weight, eps))
