#include "expt_gemm.h"
#include "gemm_kernels.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Blocking: a block of KC_MAX products of op(b)'s NC columns is packed once (it stays in the
// L2/L3 caches); the kernel reads op(a) in place, MC rows at a time (L2), and one packed panel
// of op(b) (L1) against every row panel of the block.
enum { KC_MAX = 256, MC = 96, NC = 1024, B_IN_PLACE_MAX_ROWS = 32 };

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
    // Room for one edge panel of op(a) (MR <= 8 rows) and NC columns of op(b).
    buffers->a = aligned_alloc(64, sizeof(float) * KC_MAX * 8);
    buffers->b = aligned_alloc(64, sizeof(float) * KC_MAX * NC);
    if (!buffers->a || !buffers->b) abort();
    pthread_setspecific(buffers_key, buffers);
    return buffers;
}

static long min_long(long x, long y) { return x < y ? x : y; }

/// Packs the mr-row panel of op(a) at rows [i0, i0 + rows) (rows < mr: the bottom edge) and
/// products [p0, p0 + kc), kc x mr with the row index fastest, zeros past the last row.
static void pack_a_edge(bool transpose, const float *a, long lda, long i0, long rows, long p0, long kc, long mr,
                        float *packed) {
    for (long p = 0; p < kc; p++) {
        for (long r = 0; r < mr; r++) {
            float value = 0;
            if (r < rows) value = transpose ? a[(p0 + p) * lda + i0 + r] : a[(i0 + r) * lda + p0 + p];
            packed[p * mr + r] = value;
        }
    }
}

typedef float float4 __attribute__((ext_vector_type(4)));
typedef float float4_unaligned __attribute__((ext_vector_type(4), aligned(4)));

/// Copies `valid` columns of a transposed op(b) (column j stored as a row, `ldb` apart, from
/// `source`) into a panel with the column index fastest, 4 x 4 blocks at a time.
static void pack_b_transposed(const float *source, long ldb, long kc, long valid, long nr, float *packed) {
    long c = 0;
    for (; c + 4 <= valid; c += 4) {
        const float *rows = source + c * ldb;
        long p = 0;
        for (; p + 4 <= kc; p += 4) {
            float4 r0 = *(const float4_unaligned *)(rows + p), r1 = *(const float4_unaligned *)(rows + ldb + p);
            float4 r2 = *(const float4_unaligned *)(rows + 2 * ldb + p);
            float4 r3 = *(const float4_unaligned *)(rows + 3 * ldb + p);
            float4 low01 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5), high01 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7);
            float4 low23 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5), high23 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
            float *destination = packed + p * nr + c;
            *(float4_unaligned *)destination = __builtin_shufflevector(low01, low23, 0, 1, 4, 5);
            *(float4_unaligned *)(destination + nr) = __builtin_shufflevector(low01, low23, 2, 3, 6, 7);
            *(float4_unaligned *)(destination + 2 * nr) = __builtin_shufflevector(high01, high23, 0, 1, 4, 5);
            *(float4_unaligned *)(destination + 3 * nr) = __builtin_shufflevector(high01, high23, 2, 3, 6, 7);
        }
        for (; p < kc; p++) {
            for (long q = 0; q < 4; q++) packed[p * nr + c + q] = rows[q * ldb + p];
        }
    }
    for (; c < valid; c++) {
        for (long p = 0; p < kc; p++) packed[p * nr + c] = source[c * ldb + p];
    }
}

/// Packs products [p0, p0 + kc) and columns [j0, j0 + columns) of op(b) into panels of nr
/// columns, each kc x nr with the column index fastest. Columns past the end keep whatever the
/// buffer held: their sums are computed and dropped, never added to c.
static void pack_b(bool transpose, const float *b, long ldb, long p0, long kc, long j0, long columns, long nr,
                   float *packed) {
    for (long panel = 0; panel < columns; panel += nr) {
        long valid = min_long(nr, columns - panel);
        if (transpose) {
            pack_b_transposed(b + (j0 + panel) * ldb + p0, ldb, kc, valid, nr, packed);
        } else {
            for (long p = 0; p < kc; p++) memcpy(packed + p * nr, b + (p0 + p) * ldb + j0 + panel, sizeof(float) * valid);
        }
        packed += kc * nr;
    }
}

/// Where a kernel reads its operand: element (i, p) of op(a) at `base[i * stride + p * k_stride]`,
/// element (p, j) of op(b) at `base[p * k_stride + j]` (stride unused).
typedef struct {
    const float *base;
    long stride;
    long k_stride;
} operand;

/// Runs the kernel on one tile (the narrow kernel when the tile's columns fit it); a tile cut
/// by the edge of c is computed into a scratch tile and only its valid part is updated, with
/// the kernel's own formula.
static void run_tile(gemm_kernel_shape shape, long kc, operand a, operand b, float *c, long ldc, long rows,
                     long columns, float alpha, float beta, gemm_update update) {
    gemm_micro_kernel kernel = shape.kernel;
    long nr = shape.nr;
    if (columns <= shape.narrow_nr) {
        kernel = shape.narrow_kernel;
        nr = shape.narrow_nr;
    }
    if (rows == shape.mr && columns == nr) {
        kernel(kc, a.base, a.stride, a.k_stride, b.base, b.k_stride, c, ldc, alpha, beta, update);
        return;
    }
    float sums[8 * 32] __attribute__((aligned(64)));
    kernel(kc, a.base, a.stride, a.k_stride, b.base, b.k_stride, sums, nr, 1, 0, GEMM_ASSIGN);
    for (long i = 0; i < rows; i++) {
        for (long j = 0; j < columns; j++) {
            c[i * ldc + j] = gemm_updated(c[i * ldc + j], sums[i * nr + j], alpha, beta, update);
        }
    }
}

void expt_sgemm(expt_isa isa, bool transpose_a, bool transpose_b, long m, long n, long k, float alpha,
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
    // Packing op(b) pays when many row panels read it; for a product with few rows, whole
    // column panels of an untransposed op(b) are read in place and only the edge is packed.
    bool b_in_place = !transpose_b && m <= B_IN_PLACE_MAX_ROWS;
    for (long j0 = 0; j0 < n; j0 += NC) {
        long columns = min_long(NC, n - j0);
        long whole_columns = columns - columns % shape.nr;
        long p0 = 0;
        for (long block = 0; block < blocks; block++) {
            long kc = k / blocks + (block < k % blocks ? 1 : 0);
            gemm_update update = block > 0 ? GEMM_ACCUMULATE : beta == 0 ? GEMM_ASSIGN : GEMM_SCALE;
            long first_packed = b_in_place ? whole_columns : 0;
            pack_b(transpose_b, b, ldb, p0, kc, j0 + first_packed, columns - first_packed, shape.nr,
                   buffers->b + first_packed * kc);
            for (long i0 = 0; i0 < m; i0 += MC) {
                long rows = min_long(MC, m - i0);
                for (long jr = 0; jr < columns; jr += shape.nr) {
                    operand b_panel = {buffers->b + jr * kc, 0, shape.nr};
                    if (jr < first_packed) b_panel = (operand){b + p0 * ldb + j0 + jr, 0, ldb};
                    long tile_columns = min_long(shape.nr, columns - jr);
                    for (long ir = 0; ir < rows; ir += shape.mr) {
                        long tile_rows = min_long(shape.mr, rows - ir);
                        long i = i0 + ir;
                        // Whole panels of op(a) are read in place; the bottom edge is packed
                        // with zeros (once, on the first column panel).
                        operand a_panel = transpose_a ? (operand){a + p0 * lda + i, 1, lda}
                                                      : (operand){a + i * lda + p0, lda, 1};
                        if (tile_rows < shape.mr) {
                            if (jr == 0) pack_a_edge(transpose_a, a, lda, i, tile_rows, p0, kc, shape.mr, buffers->a);
                            a_panel = (operand){buffers->a, 1, shape.mr};
                        }
                        run_tile(shape, kc, a_panel, b_panel, c + i * ldc + j0 + jr, ldc, tile_rows, tile_columns,
                                 alpha, beta, update);
                    }
                }
            }
            p0 += kc;
        }
    }
}
