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
    /// The address of element `index` of the `Scalar`s from here: a tensor's start in a flat buffer.
    func element<Scalar>(_ index: Int, of: Scalar.Type) -> UnsafeMutableRawPointer {
        self + index * MemoryLayout<Scalar>.stride
    }
}

extension UnsafeRawPointer {
    /// The address of element `index` of the `Scalar`s from here.
    func element<Scalar>(_ index: Int, of: Scalar.Type) -> UnsafeRawPointer {
        self + index * MemoryLayout<Scalar>.stride
    }
}
