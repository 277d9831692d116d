import CZlib

/// gzip decompression over zlib (`inflate`), for IDX files distributed as `.gz`.
enum Gzip {
    /// A problem in the compressed bytes, at an offset into them.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Whether `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed bytes of every gzip member in `bytes`, in order; at most `limit` of
    /// them (then decompression stops early, which is enough to read a header).
    static func decompress(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw Failure(offset: 0, message: "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var consumed = 0
        while output.count < limit {
            let (status, used, produced) = bytes.withUnsafeBufferPointer { input in
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                    stream.avail_in = UInt32(min(input.count - consumed, Int(UInt32.max)))
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let before = stream.avail_in
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, Int(before - stream.avail_in), out.count - Int(stream.avail_out))
                }
            }
            consumed += used
            output.append(contentsOf: chunk[0..<min(produced, limit - output.count)])
            switch status {
            case Z_STREAM_END:
                // Another member may follow (gzip files may be concatenated).
                guard isCompressed(Array(bytes[consumed...].prefix(2))) else {
                    if consumed < bytes.count {
                        throw Failure(offset: consumed, message: "expected the end of the gzip data, found \(bytes.count - consumed) more bytes")
                    }
                    return output
                }
                inflateReset(&stream)
            case Z_OK:
                continue
            case Z_BUF_ERROR where consumed == bytes.count && output.count >= limit:
                return output
            case Z_BUF_ERROR where consumed == bytes.count:
                throw Failure(offset: consumed, message: "expected more gzip data, the file ends (it is truncated)")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw Failure(offset: consumed, message: "expected gzip data, found corrupt bytes (zlib: \(reason))")
            }
        }
        return output
    }
}
