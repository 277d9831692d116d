#include "expt_pool.h"
#include "isa_versions.h"

static inline __attribute__((always_inline)) void expt_max_pool_2x2_loop(
    const float *restrict input, long planes, long channels, long height, long width, float *restrict values,
    int32_t *restrict indices) {
    long rows = height / 2, columns = width / 2;
    for (long plane = 0; plane < planes; plane++) {
        const float *source = input + plane * height * width;
        int32_t plane_offset = (int32_t)((plane % channels) * height * width);
        for (long y = 0; y < rows; y++) {
            const float *top = source + 2 * y * width, *bottom = top + width;
            int32_t line_offset = plane_offset + (int32_t)(2 * y * width);
            for (long x = 0; x < columns; x++) {
                float best = top[2 * x];
                int32_t offset = 0;
                if (top[2 * x + 1] > best) { best = top[2 * x + 1]; offset = 1; }
                if (bottom[2 * x] > best) { best = bottom[2 * x]; offset = (int32_t)width; }
                if (bottom[2 * x + 1] > best) { best = bottom[2 * x + 1]; offset = (int32_t)width + 1; }
                values[x] = best;
                indices[x] = line_offset + (int32_t)(2 * x) + offset;
            }
            values += columns;
            indices += columns;
        }
    }
}

EXPT_ISA_VERSIONS_CHOSEN(expt_max_pool_2x2,
                  (const float *restrict input, long planes, long channels, long height, long width,
                   float *restrict values, int32_t *restrict indices),
                  (input, planes, channels, height, width, values, indices))
