/// Max pooling over 2 x 2 windows with stride 2, the CNNs' usual pool.
///
/// The same choice as the general loop (the first maximum, row by row, a strictly greater value
/// replaces), written as three masked selects per window over local pointers, so the compiler emits
/// no branch per value (the compared values are data, so such branches mispredict).
extension PoolLayer {
    func maxPool2x2(_ input: UnsafePointer<Float>, planes: Int) {
        let planeSize = height * width
        let (rows, columns, width, channels) = (outputHeight, outputWidth, self.width, self.channels)
        var values = output.pointer
        var indices = argmax
        for plane in 0..<planes {
            let source = input + plane * planeSize
            let planeOffset = Int32((plane % channels) * planeSize)
            for y in 0..<rows {
                let top = source + 2 * y * width
                let bottom = top + width
                let lineOffset = planeOffset + Int32(2 * y * width)
                for x in 0..<columns {
                    var best = top[2 * x].bitPattern, index: UInt32 = 0
                    Self.replace(&best, &index, ifGreater: top[2 * x + 1], at: 1)
                    Self.replace(&best, &index, ifGreater: bottom[2 * x], at: UInt32(width))
                    Self.replace(&best, &index, ifGreater: bottom[2 * x + 1], at: UInt32(width + 1))
                    values[x] = Float(bitPattern: best)
                    indices[x] = lineOffset &+ Int32(2 * x) &+ Int32(bitPattern: index)
                }
                values += columns
                indices += columns
            }
        }
    }

    /// `best, index = candidate, candidateIndex` if `candidate > best`, with masks rather than a branch.
    @inline(__always)
    private static func replace(_ best: inout UInt32, _ index: inout UInt32, ifGreater candidate: Float, at candidateIndex: UInt32) {
        let mask = 0 &- UInt32(candidate > Float(bitPattern: best) ? 1 : 0)
        best = (candidate.bitPattern & mask) | (best & ~mask)
        index = (candidateIndex & mask) | (index & ~mask)
    }
}
