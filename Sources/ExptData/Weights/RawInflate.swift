import CZlib

/// Decompression of a zip entry stored with method 8 (raw deflate, no zlib or gzip wrapper)
/// over the zlib expt links anyway (for gzip'd IDX files), into exactly the size the zip's
/// directory promises.
enum RawInflate {
    /// The `size` bytes that `compressed` inflates to, or a message saying what went wrong:
    /// corrupt data, data that ends early, or data that inflates to more or fewer bytes than
    /// `size`. The caller bounds `size` (by the file size and deflate's largest ratio).
    static func inflate(_ compressed: ArraySlice<UInt8>, size: Int) -> Result<[UInt8], InflateFailure> {
        guard !compressed.isEmpty else { return .failure(InflateFailure("expected compressed data, the entry is empty")) }
        guard compressed.count < Int(UInt32.max), size < Int(UInt32.max) else {
            return .failure(InflateFailure("expected an entry smaller than 4 GiB to decompress"))
        }
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { return .failure(InflateFailure("zlib could not start decompressing")) }
        defer { inflateEnd(&stream) }
        // One spare byte: data that inflates past `size` shows itself by filling it.
        var output = [UInt8](repeating: 0, count: size + 1)
        let input = Array(compressed)
        let (status, produced): (Int32, Int) = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                let status = CZlib.inflate(&stream, Z_FINISH)
                return (status, target.count - Int(stream.avail_out))
            }
        }
        switch status {
        case Z_STREAM_END where produced == size:
            output.removeLast()
            return .success(output)
        case Z_STREAM_END:
            return .failure(InflateFailure("expected \(size) bytes after decompression, found \(produced)"))
        case Z_BUF_ERROR where produced > size, Z_OK where produced > size:
            return .failure(InflateFailure("expected \(size) bytes after decompression, found more"))
        case Z_BUF_ERROR:
            return .failure(InflateFailure("expected more compressed data, the entry ends (it is truncated)"))
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            return .failure(InflateFailure("expected deflate data, found corrupt bytes (zlib: \(reason))"))
        }
    }

    /// Why an entry could not be inflated.
    struct InflateFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
