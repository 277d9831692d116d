/// exp, tanh and the logistic function on sixteen lanes at once, for the recurrent cells and the
/// activations, where libm's scalar `expf`/`tanhf` calls dominated the time.
///
/// The algorithms are Cephes' single-precision ones (S. L. Moshier): exp by range reduction
/// x = n ln 2 + r (ln 2 split in two parts for an exact product), a degree-7 polynomial for
/// e^r on |r| ≤ ln2 / 2 and 2^n put in the exponent bits; tanh by an odd polynomial for
/// |x| < 0.625 (no cancellation near 0) and 1 − 2 / (e^{2|x|} + 1) beyond. They agree with
/// the correctly rounded values within 2 ulps (`VectorMathTests` checks it against Double).
/// The same input always gives the same bits, on every lane and in the scalar tail, which goes
/// through the same code.
enum VectorMath {
    typealias Vector = SIMD16<Float>

    /// e^x, for x clamped to [−87.3, 88.3] (no subnormal or infinite results; none is needed here).
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        var x = x.replacing(with: -87.3, where: x .< -87.3)
        x = x.replacing(with: 88.3, where: x .> 88.3)
        // n = round(x / ln 2), to nearest even, by the 1.5·2²³ trick: adding it leaves n in the
        // low mantissa bits (stdlib's SIMD rounding and integer conversion go lane by lane).
        let shifter: Float = 12_582_912
        let shifted = x * 1.44269504088896341 + shifter
        let n = shifted - shifter
        var r = x - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p = Vector(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        // 2^n, n in [−126, 128): the biased exponent n + 127 in bits 23...30.
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- unsafeBitCast(shifter, to: Int32.self)
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: Vector.self)
    }

    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        // |x| ≥ 0.625: 1 − 2 / (e^{2|x|} + 1), with the sign of x.
        let large = 1 - 2 / (exp(2 * magnitude) + 1)
        let signed = large.replacing(with: -large, where: x .< 0)
        // |x| < 0.625: x + x·z·P(z), z = x².
        let z = x * x
        var p = Vector(repeating: -5.70498872745e-3)
        p = p * z + 2.06390887954e-2
        p = p * z - 5.37397155531e-2
        p = p * z + 1.33314422036e-1
        p = p * z - 3.33332819422e-1
        let small = p * z * x + x
        return signed.replacing(with: small, where: magnitude .< 0.625)
    }

    /// 1 / (1 + e^{−x}).
    @inline(__always)
    static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }

    /// Replaces each of `count` values by `function` of it, sixteen at a time; the last partial
    /// group is padded with zeros so that every value goes through the same code.
    @inline(__always)
    static func apply(_ values: UnsafeMutablePointer<Float>, count: Int, _ function: (Vector) -> Vector) {
        var i = 0
        while i + Vector.scalarCount <= count {
            VectorLoops.store(function(VectorLoops.load(values + i)), to: values + i)
            i += Vector.scalarCount
        }
        guard i < count else { return }
        var tail = Vector()
        for lane in 0..<count - i { tail[lane] = values[i + lane] }
        tail = function(tail)
        for lane in 0..<count - i { values[i + lane] = tail[lane] }
    }

    /// `function` of one value, through the vector code (so it matches `apply` bit for bit).
    @inline(__always)
    static func scalar(_ x: Float, _ function: (Vector) -> Vector) -> Float {
        function(Vector(repeating: x))[0]
    }
}
