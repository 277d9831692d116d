/// Helpers shared by the update rules: state memory and the addresses their kernels take.
extension UnsafeMutableBufferPointer where Element: BinaryFloatingPoint {
    /// A buffer of `count` elements, all set to `value`; the caller deallocates it.
    static func filled(_ count: Int, with value: Element = 0) -> Self {
        let buffer = Self.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }
}

extension UnsafeMutableBufferPointer {
    /// The first element's address for a `LaneKernel`; for an empty buffer (which a kernel
    /// never reads) an aligned address that is not dereferenced.
    var rawStart: UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!)
    }
}

extension UnsafeBufferPointer {
    /// The first element's address for a `LaneKernel` (see `UnsafeMutableBufferPointer.rawStart`).
    var rawStart: UnsafeRawPointer {
        UnsafeRawPointer(baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!)
    }
}
