// The elementwise kernels compiled for AVX-512.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#define KERNEL(name) name##_avx512
#include "elementwise_body.h"
#pragma clang attribute pop
#endif
