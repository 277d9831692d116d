import Foundation

/// The few numpy and scipy functions MNIST-1D is built from, with numpy's own order of
/// floating-point operations, so that the results agree with the reference to the last bit
/// or close to it (see each function).
enum NumpyFunctions {
    /// `np.linspace(start, stop, count)`: `i * step + start` with `step = (stop - start) / (count - 1)`,
    /// and the last value set to `stop` exactly.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// `np.interp(x, xp, fp)` for increasing `xp` and `x` inside [xp.first, xp.last] (as
    /// `scipy.interpolate.interp1d(kind="linear")` delegates to it): for x in [xp_j, xp_{j+1}),
    /// `slope * (x - xp_j) + fp_j` with `slope = (fp_{j+1} - fp_j) / (xp_{j+1} - xp_j)`; at an
    /// exact knot, the knot's value.
    static func interpolate(_ x: [Double], _ xp: [Double], _ fp: [Double]) -> [Double] {
        var j = 0
        return x.map { value in
            while j + 1 < xp.count && xp[j + 1] <= value { j += 1 }
            while j > 0 && xp[j] > value { j -= 1 }
            if j == xp.count - 1 || xp[j] == value { return fp[j] }
            let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
            return slope * (value - xp[j]) + fp[j]
        }
    }

    /// Resamples `values` to `count` points by linear interpolation between evenly spaced
    /// positions in [0, 1]: MNIST-1D's `interpolate(x, N)`.
    static func resample(_ values: [Double], to count: Int) -> [Double] {
        interpolate(linspace(0, 1, count), linspace(0, 1, values.count), values)
    }

    /// `scipy.ndimage.gaussian_filter(values, sigma)` of a 1-D array with its defaults
    /// (`mode="reflect"`, `truncate=4.0`): a kernel of radius `int(4 sigma + 0.5)`,
    /// `exp(-x^2 / (2 sigma^2))` normalised by its sum, correlated with the line extended by
    /// half-sample reflection (`d c b a | a b c d | d c b a`). The symmetric kernel is applied
    /// as scipy's `NI_Correlate1D` does: the centre term first, then `(left + right) * w`
    /// from the outermost pair inwards.
    static func gaussianFilter(_ values: [Double], sigma: Double) -> [Double] {
        let radius = Int(4.0 * sigma + 0.5)
        let weights = gaussianKernel(sigma: sigma, radius: radius)
        let count = values.count
        guard count > 0 else { return [] }
        func reflected(_ index: Int) -> Double {
            var i = index
            // Period 2 * count: i and -1 - i are the same sample, as are i and 2 * count - 1 - i.
            let period = 2 * count
            i %= period
            if i < 0 { i += period }
            return values[i < count ? i : period - 1 - i]
        }
        return (0..<count).map { position in
            var sum = values[position] * weights[radius]
            for offset in stride(from: radius, through: 1, by: -1) {
                sum += (reflected(position - offset) + reflected(position + offset)) * weights[radius - offset]
            }
            return sum
        }
    }

    /// scipy's `_gaussian_kernel1d(sigma, 0, radius)`: `exp(-0.5 / sigma^2 * x^2)` for
    /// x in -radius...radius, divided by its sum.
    static func gaussianKernel(sigma: Double, radius: Int) -> [Double] {
        let factor = -0.5 / (sigma * sigma)
        let phi = (-radius...radius).map { x in exp(factor * Double(x * x)) }
        let total = pairwiseSum(phi)
        return phi.map { $0 / total }
    }

    /// numpy's pairwise summation (`pairwise_sum` of `np.sum`/`np.mean` over a contiguous
    /// array): below 8 values a plain loop; up to 128 eight interleaved partial sums added as
    /// `((r0+r1)+(r2+r3)) + ((r4+r5)+(r6+r7))` plus the rest in order; above, the two halves
    /// (split at a multiple of 8) summed recursively.
    static func pairwiseSum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { pairwiseSum($0[...]) }
    }

    private static func pairwiseSum(_ values: Slice<UnsafeBufferPointer<Double>>) -> Double {
        let n = values.count
        let base = values.startIndex
        if n < 8 {
            var sum = -0.0
            for value in values { sum += value }
            return sum
        }
        if n <= 128 {
            var r = (0..<8).map { values[base + $0] }
            var i = 8
            while i < n - n % 8 {
                for k in 0..<8 { r[k] += values[base + i + k] }
                i += 8
            }
            var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                sum += values[base + i]
                i += 1
            }
            return sum
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(values[base..<base + half]) + pairwiseSum(values[(base + half)...])
    }
}
