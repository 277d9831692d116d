import Foundation

/// Multi-head self-attention over a sequence, as torch's `MultiheadAttention(d, heads)` called
/// as `attn(x, x, x)` (with `attn_mask` the upper triangle when causal), generalised to any
/// head size s (E = heads · s; torch's is d / heads).
///
/// For an example X (T x d): [Q K V] = X W_inᵀ + b_in (T x 3E); for each head h, with Q_h, K_h,
/// V_h its s columns of each, P_h = softmax(Q_h K_hᵀ / √s) row by row (the row maximum
/// subtracted first; when causal, position i attends to positions j ≤ i only) and
/// O_h = P_h V_h; the heads side by side make O (T x E), and Y = O W_outᵀ + b_out (T x d).
///
/// Layout, torch's: `in_proj_weight` (3E x d, row-major), `in_proj_bias` (3E),
/// `out_proj.weight` (d x E), `out_proj.bias` (d). W_in is drawn Xavier-uniform (fan in d, fan
/// out 3E) and W_out from U(−1/√E, 1/√E), as torch; the biases start at zero.
///
/// Backward, per head: dP = dO_h V_hᵀ, dV_h = P_hᵀ dO_h, dS = P ⊙ (dP − rowsum(dP ⊙ P)) / √s,
/// dQ_h = dS K_h, dK_h = dSᵀ Q_h; the heads are shared out over the run's threads, each
/// computed whole by one thread, so the bits do not depend on how many there are.
final class AttentionLayer: Layer {
    let positions: Int
    let features: Int
    let heads: Int
    let headSize: Int
    let causal: Bool
    var inputSize: Int { positions * features }
    var outputSize: Int { positions * features }
    let output: FloatBuffer
    let outputGradient: FloatBuffer
    /// E = heads x headSize.
    private var width: Int { heads * headSize }
    private let projected: FloatBuffer
    private let projectedGradient: FloatBuffer
    /// Every example's and head's P, T x T each.
    private let probabilities: FloatBuffer
    private let attended: FloatBuffer
    private let attendedGradient: FloatBuffer
    /// One T x T block per thread for dP and dS.
    private let scratch: FloatBuffer
    private let parameters: FloatBuffer
    private let gradients: FloatBuffer
    private let inWeight: UnsafeMutablePointer<Float>
    private let inBias: UnsafeMutablePointer<Float>
    private let outWeight: UnsafeMutablePointer<Float>
    private let outBias: UnsafeMutablePointer<Float>
    private let inWeightGradient: UnsafeMutablePointer<Float>
    private let inBiasGradient: UnsafeMutablePointer<Float>
    private let outWeightGradient: UnsafeMutablePointer<Float>
    private let outBiasGradient: UnsafeMutablePointer<Float>
    private let context: ComputeContext

    /// How many parameters the layer has.
    static func parameterCount(features: Int, heads: Int, headSize: Int) -> Int {
        let width = heads * headSize
        return 3 * width * features + 3 * width + features * width + features
    }

    init(positions: Int, features: Int, heads: Int, headSize: Int, causal: Bool, parameters: FloatBuffer, gradients: FloatBuffer,
         offset: Int, maxBatchSize: Int, context: ComputeContext) {
        precondition(offset + Self.parameterCount(features: features, heads: heads, headSize: headSize) <= parameters.count,
                     "layer parameters out of bounds")
        self.positions = positions
        self.features = features
        self.heads = heads
        self.headSize = headSize
        self.causal = causal
        self.parameters = parameters
        self.gradients = gradients
        self.context = context
        let width = heads * headSize
        inWeight = parameters.pointer + offset
        inBias = inWeight + 3 * width * features
        outWeight = inBias + 3 * width
        outBias = outWeight + features * width
        inWeightGradient = gradients.pointer + offset
        inBiasGradient = inWeightGradient + 3 * width * features
        outWeightGradient = inBiasGradient + 3 * width
        outBiasGradient = outWeightGradient + features * width
        let rows = maxBatchSize * positions
        output = FloatBuffer(count: rows * features)
        outputGradient = FloatBuffer(count: rows * features)
        projected = FloatBuffer(count: rows * 3 * width)
        projectedGradient = FloatBuffer(count: rows * 3 * width)
        probabilities = FloatBuffer(count: maxBatchSize * heads * positions * positions)
        attended = FloatBuffer(count: rows * width)
        attendedGradient = FloatBuffer(count: rows * width)
        scratch = FloatBuffer(count: context.threads * positions * positions)
    }

    /// W_in Xavier-uniform, then W_out uniform in ±1/√E, in storage order; biases zero.
    func initialize(generator: inout SeededGenerator) {
        Initializer.xavier.fill(inWeight, rows: 3 * width, columns: features, fanIn: features, fanOut: 3 * width,
                                generator: &generator)
        inBias.update(repeating: 0, count: 3 * width)
        let bound = 1 / Double(width).squareRoot()
        for i in 0..<features * width { outWeight[i] = Float(generator.nextDouble(in: -bound, bound)) }
        outBias.update(repeating: 0, count: features)
    }

    func forward(input: UnsafePointer<Float>, batchSize: Int, training: Bool) {
        let rows = batchSize * positions, stride = 3 * width
        gemm(transposeA: false, transposeB: true, m: rows, n: stride, k: features, alpha: 1, a: input, lda: features,
             b: inWeight, ldb: features, beta: 0, c: projected.pointer, ldc: stride, context: context)
        addRowBias(projected.pointer, rows: rows, columns: stride, bias: inBias, instructionSet: context.instructionSet)
        eachHead(batchSize) { example, head, _ in attend(example: example, head: head) }
        gemm(transposeA: false, transposeB: true, m: rows, n: features, k: width, alpha: 1, a: attended.pointer, lda: width,
             b: outWeight, ldb: width, beta: 0, c: output.pointer, ldc: features, context: context)
        addRowBias(output.pointer, rows: rows, columns: features, bias: outBias, instructionSet: context.instructionSet)
    }

    func backward(input: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int) {
        let rows = batchSize * positions, stride = 3 * width
        let dy = outputGradient.pointer
        gemm(transposeA: true, transposeB: false, m: features, n: width, k: rows, alpha: 1, a: dy, lda: features,
             b: attended.pointer, ldb: width, beta: 0, c: outWeightGradient, ldc: width, context: context)
        columnSums(dy, rows: rows, columns: features, into: outBiasGradient)
        gemm(transposeA: false, transposeB: false, m: rows, n: width, k: features, alpha: 1, a: dy, lda: features,
             b: outWeight, ldb: width, beta: 0, c: attendedGradient.pointer, ldc: width, context: context)
        eachHead(batchSize) { example, head, part in attendBackward(example: example, head: head, part: part) }
        gemm(transposeA: true, transposeB: false, m: stride, n: features, k: rows, alpha: 1, a: projectedGradient.pointer,
             lda: stride, b: input, ldb: features, beta: 0, c: inWeightGradient, ldc: features, context: context)
        columnSums(projectedGradient.pointer, rows: rows, columns: stride, into: inBiasGradient)
        if let inputGradient {
            gemm(transposeA: false, transposeB: false, m: rows, n: features, k: stride, alpha: 1, a: projectedGradient.pointer,
                 lda: stride, b: inWeight, ldb: features, beta: 0, c: inputGradient, ldc: features, context: context)
        }
    }

    /// Calls `body(example, head, part)` for every example and head, shared out over the threads.
    private func eachHead(_ batchSize: Int, _ body: (Int, Int, Int) -> Void) {
        let pairs = batchSize * heads
        context.share(pairs) { part, parts in
            for pair in Parallel.block(part, of: parts, splitting: pairs) {
                body(pair / heads, pair % heads, part)
            }
        }
    }

    /// P_h and O_h of one example and head.
    private func attend(example: Int, head: Int) {
        let stride = 3 * width, t = positions
        let q = UnsafePointer(projected.pointer + example * t * stride + head * headSize)
        let k = q + width, v = q + 2 * width
        let p = probabilities.pointer + (example * heads + head) * t * t
        let isa = context.instructionSet
        gemmOnCallingThread(transposeA: false, transposeB: true, m: t, n: t, k: headSize, alpha: 1 / Float(headSize).squareRoot(),
                            a: q, lda: stride, b: k, ldb: stride, beta: 0, c: p, ldc: t, instructionSet: isa)
        for i in 0..<t {
            let row = p + i * t
            let visible = causal ? i + 1 : t
            var maximum = row[0]
            for j in 1..<visible where row[j] > maximum { maximum = row[j] }
            var total: Float = 0
            for j in 0..<visible {
                row[j] = exp(row[j] - maximum)
                total += row[j]
            }
            let inverse = 1 / total
            for j in 0..<visible { row[j] *= inverse }
            for j in visible..<t { row[j] = 0 }
        }
        gemmOnCallingThread(transposeA: false, transposeB: false, m: t, n: headSize, k: t, alpha: 1, a: p, lda: t, b: v, ldb: stride,
                            beta: 0, c: attended.pointer + example * t * width + head * headSize, ldc: width, instructionSet: isa)
    }

    /// dQ_h, dK_h and dV_h of one example and head, from dO_h, with thread `part`'s scratch.
    private func attendBackward(example: Int, head: Int, part: Int) {
        let stride = 3 * width, t = positions
        let columns = example * t * stride + head * headSize
        let q = UnsafePointer(projected.pointer + columns), k = q + width, v = q + 2 * width
        let dq = projectedGradient.pointer + columns, dk = dq + width, dv = dq + 2 * width
        let p = UnsafePointer(probabilities.pointer + (example * heads + head) * t * t)
        let dO = UnsafePointer(attendedGradient.pointer + example * t * width + head * headSize)
        let ds = scratch.pointer + part * t * t
        let isa = context.instructionSet
        gemmOnCallingThread(transposeA: false, transposeB: true, m: t, n: t, k: headSize, alpha: 1, a: dO, lda: width, b: v,
                            ldb: stride, beta: 0, c: ds, ldc: t, instructionSet: isa)
        gemmOnCallingThread(transposeA: true, transposeB: false, m: t, n: headSize, k: t, alpha: 1, a: p, lda: t, b: dO,
                            ldb: width, beta: 0, c: dv, ldc: stride, instructionSet: isa)
        let scale = 1 / Float(headSize).squareRoot()
        for i in 0..<t {
            let pRow = p + i * t, dRow = ds + i * t
            var projection: Float = 0
            for j in 0..<t { projection += dRow[j] * pRow[j] }
            for j in 0..<t { dRow[j] = pRow[j] * (dRow[j] - projection) * scale }
        }
        gemmOnCallingThread(transposeA: false, transposeB: false, m: t, n: headSize, k: t, alpha: 1, a: ds, lda: t, b: k,
                            ldb: stride, beta: 0, c: dq, ldc: stride, instructionSet: isa)
        gemmOnCallingThread(transposeA: true, transposeB: false, m: t, n: headSize, k: t, alpha: 1, a: ds, lda: t, b: q,
                            ldb: stride, beta: 0, c: dk, ldc: stride, instructionSet: isa)
    }
}
