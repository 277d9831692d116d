#include <cblas.h>
/* OpenBLAS extensions: thread count control, so that a run's BLAS thread count is part of its settings. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
