// The elementwise kernels compiled for the baseline of the target (SSE2 on x86-64).
#define KERNEL(name) name##_baseline
#include "elementwise_body.h"
