// Compiles one loop once per instruction set and calls the version of a given set.
//
// Each macro takes a `static inline` function `name##_loop`, written once in plain C, and its
// parameters `params` (`args` names them; both in parentheses), and builds a copy of the loop for
// AVX-512, for AVX2 and for the x86-64 baseline. The copies differ only in vector width: the
// target is compiled with -ffp-contract=off, so none fuses a multiply and an add, and each
// computes the same IEEE operations in the same order.
//
// EXPT_ISA_VERSIONS_CHOSEN(name, params, args) defines `void name(expt_isa isa, params…)`: it
// calls the copy `isa` names (the engine's kernels: the set of the run's compute context; the
// AVX2 copy is built with FMA). EXPT_ISA_KERNEL(name, params, args) does the same with its AVX2
// copy built as the elementwise kernels' (elementwise_avx2.c): the recurrent cells' kernels.
// EXPT_ISA_VERSIONS(name, params, args) defines `name params`, without `isa`, for kernels whose
// callers hold no compute context (the optimizers' steps): it calls the copy for expt_cpu_isa().
#ifndef EXPT_ISA_VERSIONS_H
#define EXPT_ISA_VERSIONS_H

#include "expt_cpu.h"

#define EXPT_ISA_PARAMETERS(...) __VA_ARGS__

#if defined(__x86_64__)
#define EXPT_ISA_COPIES(name, params, args, avx2_target)                             \
    __attribute__((target("avx512f"))) static void name##_avx512 params {          \
        name##_loop args;                                                            \
    }                                                                                \
    __attribute__((target(avx2_target))) static void name##_avx2 params {           \
        name##_loop args;                                                            \
    }                                                                                \
    static void name##_baseline params { name##_loop args; }
#define EXPT_ISA_CALL(name, isa, args)                                               \
    switch (isa) {                                                                   \
    case EXPT_ISA_AVX512: name##_avx512 args; break;                                 \
    case EXPT_ISA_AVX2_FMA: name##_avx2 args; break;                                 \
    default: name##_baseline args; break;                                            \
    }
#else
#define EXPT_ISA_COPIES(name, params, args, avx2_target)
#define EXPT_ISA_CALL(name, isa, args) name##_loop args;
#endif

#define EXPT_ISA_VERSIONS(name, params, args)                                        \
    EXPT_ISA_COPIES(name, params, args, "avx2,fma")                                  \
    void name params { EXPT_ISA_CALL(name, expt_cpu_isa(), args) }

#define EXPT_ISA_VERSIONS_CHOSEN(name, params, args)                                 \
    EXPT_ISA_COPIES(name, params, args, "avx2,fma")                                  \
    void name(expt_isa isa, EXPT_ISA_PARAMETERS params) { EXPT_ISA_CALL(name, isa, args) }

#define EXPT_ISA_KERNEL(name, params, args)                                          \
    EXPT_ISA_COPIES(name, params, args, "avx2")                                      \
    void name(expt_isa isa, EXPT_ISA_PARAMETERS params) { EXPT_ISA_CALL(name, isa, args) }

#endif
