/// The addresses the rules' kernels take.
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

extension UnsafeMutableRawPointer {
    /// The address of element `range.lowerBound` of `Scalar`s from here: a tensor's start in a flat buffer.
    func advanced<Scalar>(by range: Range<Int>, of: Scalar.Type) -> UnsafeMutableRawPointer {
        self + range.lowerBound * MemoryLayout<Scalar>.stride
    }
}
