// What the CPU running this process offers to expt's C kernels. Each kernel is compiled
// several times, for AVX-512, for AVX2 with FMA and for the baseline, and picks its version
// at run time; every version computes the same bits.
#ifndef EXPT_CPU_H
#define EXPT_CPU_H

/// The widest instruction set the kernels use on this CPU.
typedef enum {
    EXPT_ISA_BASELINE = 0,
    EXPT_ISA_AVX2_FMA = 1,
    EXPT_ISA_AVX512 = 2,
} expt_isa;

/// The widest instruction set this CPU supports, capped by the environment variable EXPT_ISA
/// (baseline, avx2 or avx512) if set: a fact of the machine and the process's environment, read
/// once. A run's compute context takes it as its default and passes its own choice to each
/// kernel; only the kernels of callers without a context (the optimizers' steps) run with it.
expt_isa expt_cpu_isa(void);

#endif
