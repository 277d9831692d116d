import CVectorMath

/// The vectors of the update rules' loops: 32 bytes, two SSE registers on the baseline x86-64
/// target (one AVX register where available), so each loop is unrolled twice for free.
extension SIMD8: Lanes where Scalar == Float {
    static var laneCount: Int { 8 }

    /// One vector instruction (the generic `SIMD.squareRoot()` takes a libm call per lane).
    @inline(__always) func squareRoot() -> Self { expt_sqrt_float8(self) }

    /// Compares and a blend (the generic `replacing(with:where:)` goes lane by lane).
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { expt_maximum_float8(a, b) }

    @inline(__always) func absoluteValue() -> Self {
        unsafeBitCast(unsafeBitCast(self, to: SIMD8<UInt32>.self) & 0x7fff_ffff, to: Self.self)
    }
}

extension SIMD4: Lanes where Scalar == Double {
    static var laneCount: Int { 4 }

    /// One vector instruction (the generic `SIMD.squareRoot()` takes a libm call per lane).
    @inline(__always) func squareRoot() -> Self { expt_sqrt_double4(self) }

    /// Compares and a blend (the generic `replacing(with:where:)` goes lane by lane).
    @inline(__always) static func maximum(_ a: Self, _ b: Self) -> Self { expt_maximum_double4(a, b) }

    @inline(__always) func absoluteValue() -> Self {
        unsafeBitCast(unsafeBitCast(self, to: SIMD4<UInt64>.self) & 0x7fff_ffff_ffff_ffff, to: Self.self)
    }
}

/// What both vector lanes do alike, written once for a vector of any floating-point scalar.
extension SIMD where Scalar: BinaryFloatingPoint {
    @inline(__always) init(loadingFrom base: UnsafeRawPointer, at index: Int) {
        self = base.loadUnaligned(fromByteOffset: index * MemoryLayout<Scalar>.stride, as: Self.self)
    }

    @inline(__always) func store(to base: UnsafeMutableRawPointer, at index: Int) {
        base.storeBytes(of: self, toByteOffset: index * MemoryLayout<Scalar>.stride, as: Self.self)
    }

    @inline(__always) func signum() -> Self {
        Self(repeating: 0).replacing(with: 1, where: self .> 0).replacing(with: -1, where: self .< 0)
    }
}
