#include <zlib.h>
/* inflateInit2 is a macro in zlib.h, which Swift cannot call: these wrap it. */
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}
/* Raw deflate data without a zlib or gzip wrapper, as zip entries (method 8) hold it. */
static inline int czlib_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
