// The elementwise kernels compiled for AVX2 (without FMA: the kernels never fuse).
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#define KERNEL(name) name##_avx2
#include "elementwise_body.h"
#pragma clang attribute pop
#endif
