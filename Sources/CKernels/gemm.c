#include "expt_gemm.h"
#include "gemm_kernels.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Blocking: a block of KC_MAX products of op(b)'s NC columns is packed once (it stays in the
// L2/L3 caches), then MC rows of op(a) at a time (L2); the kernel streams one panel of each.
enum { KC_MAX = 256, MC = 96, NC = 1024 };

// The packing buffers of the calling thread, allocated on its first product and freed when it
// ends: sized for the largest tiles, so no product allocates after the first.
typedef struct {
    float *a;
    float *b;
} packing_buffers;

static pthread_key_t buffers_key;
static pthread_once_t buffers_once = PTHREAD_ONCE_INIT;

static void free_buffers(void *pointer) {
    packing_buffers *buffers = pointer;
    free(buffers->a);
    free(buffers->b);
    free(buffers);
}

static void create_buffers_key(void) { pthread_key_create(&buffers_key, free_buffers); }

static packing_buffers *thread_buffers(void) {
    pthread_once(&buffers_once, create_buffers_key);
    packing_buffers *buffers = pthread_getspecific(buffers_key);
    if (buffers) return buffers;
    buffers = malloc(sizeof *buffers);
    if (!buffers) abort();
    // Room for the widest tiles of any kernel: MC rows rounded up to MR <= 8, NC columns
    // rounded up to NR <= 32.
    buffers->a = aligned_alloc(64, sizeof(float) * KC_MAX * (MC + 8));
    buffers->b = aligned_alloc(64, sizeof(float) * KC_MAX * (NC + 32));
    if (!buffers->a || !buffers->b) abort();
    pthread_setspecific(buffers_key, buffers);
    return buffers;
}

static long min_long(long x, long y) { return x < y ? x : y; }

/// Packs rows [i0, i0 + rows) and products [p0, p0 + kc) of op(a) into panels of mr rows,
/// each kc x mr with the row index fastest; rows past the end are zeros.
static void pack_a(bool transpose, const float *a, long lda, long i0, long rows, long p0, long kc, long mr,
                   float *packed) {
    for (long panel = 0; panel < rows; panel += mr) {
        long valid = min_long(mr, rows - panel);
        for (long p = 0; p < kc; p++) {
            float *destination = packed + p * mr;
            if (transpose) {
                const float *source = a + (p0 + p) * lda + i0 + panel;
                for (long r = 0; r < valid; r++) destination[r] = source[r];
            } else {
                const float *source = a + (i0 + panel) * lda + p0 + p;
                for (long r = 0; r < valid; r++) destination[r] = source[r * lda];
            }
            for (long r = valid; r < mr; r++) destination[r] = 0;
        }
        packed += kc * mr;
    }
}

/// Packs products [p0, p0 + kc) and columns [j0, j0 + columns) of op(b) into panels of nr
/// columns, each kc x nr with the column index fastest; columns past the end are zeros.
static void pack_b(bool transpose, const float *b, long ldb, long p0, long kc, long j0, long columns, long nr,
                   float *packed) {
    for (long panel = 0; panel < columns; panel += nr) {
        long valid = min_long(nr, columns - panel);
        for (long p = 0; p < kc; p++) {
            float *destination = packed + p * nr;
            if (transpose) {
                const float *source = b + (j0 + panel) * ldb + p0 + p;
                for (long c = 0; c < valid; c++) destination[c] = source[c * ldb];
            } else {
                memcpy(destination, b + (p0 + p) * ldb + j0 + panel, sizeof(float) * valid);
            }
            for (long c = valid; c < nr; c++) destination[c] = 0;
        }
        packed += kc * nr;
    }
}

/// Runs the kernel on one tile; a tile cut by the edge of c is computed into a scratch tile
/// and only its valid part is updated, with the kernel's own formula.
static void run_tile(gemm_kernel_shape shape, long kc, const float *a_panel, const float *b_panel, float *c,
                     long ldc, long rows, long columns, float alpha, float beta, gemm_update update) {
    if (rows == shape.mr && columns == shape.nr) {
        shape.kernel(kc, a_panel, b_panel, c, ldc, alpha, beta, update);
        return;
    }
    float sums[8 * 32] __attribute__((aligned(64)));
    shape.kernel(kc, a_panel, b_panel, sums, shape.nr, 1, 0, GEMM_ASSIGN);
    for (long i = 0; i < rows; i++) {
        for (long j = 0; j < columns; j++) {
            c[i * ldc + j] = gemm_updated(c[i * ldc + j], sums[i * shape.nr + j], alpha, beta, update);
        }
    }
}

void expt_sgemm(bool transpose_a, bool transpose_b, long m, long n, long k, float alpha,
                const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    expt_sgemm_isa(expt_cpu_isa(), transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void expt_sgemm_isa(expt_isa isa, bool transpose_a, bool transpose_b, long m, long n, long k, float alpha,
                    const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) {
                c[i * ldc + j] = gemm_updated(c[i * ldc + j], 0, alpha, beta, beta == 0 ? GEMM_ASSIGN : GEMM_SCALE);
            }
        }
        return;
    }
    gemm_kernel_shape shape = gemm_kernel_for(isa);
    packing_buffers *buffers = thread_buffers();
    // k splits into the fewest blocks of at most KC_MAX, of sizes as equal as they can be:
    // a function of k alone, so that every caller's split of c sums in the same blocks.
    long blocks = (k + KC_MAX - 1) / KC_MAX;
    for (long j0 = 0; j0 < n; j0 += NC) {
        long columns = min_long(NC, n - j0);
        long p0 = 0;
        for (long block = 0; block < blocks; block++) {
            long kc = k / blocks + (block < k % blocks ? 1 : 0);
            gemm_update update = block > 0 ? GEMM_ACCUMULATE : beta == 0 ? GEMM_ASSIGN : GEMM_SCALE;
            pack_b(transpose_b, b, ldb, p0, kc, j0, columns, shape.nr, buffers->b);
            for (long i0 = 0; i0 < m; i0 += MC) {
                long rows = min_long(MC, m - i0);
                pack_a(transpose_a, a, lda, i0, rows, p0, kc, shape.mr, buffers->a);
                for (long jr = 0; jr < columns; jr += shape.nr) {
                    const float *b_panel = buffers->b + jr * kc;
                    for (long ir = 0; ir < rows; ir += shape.mr) {
                        run_tile(shape, kc, buffers->a + ir * kc, b_panel, c + (i0 + ir) * ldc + j0 + jr, ldc,
                                 min_long(shape.mr, rows - ir), min_long(shape.nr, columns - jr), alpha, beta,
                                 update);
                    }
                }
            }
            p0 += kc;
        }
    }
}
