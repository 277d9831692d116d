import Testing
@testable import ExptEngine

/// `gemm` against plain loops: the value of every element, the exact order of its sum, and the
/// same bits for every instruction set and thread count.
struct MatrixMultiplyTests {
    /// A product's shape, transposes and padded row strides, with its operands filled from seeds.
    struct Product: Sendable, CustomTestStringConvertible {
        let transposeA: Bool, transposeB: Bool
        let m: Int, n: Int, k: Int
        var padding = 0

        var lda: Int { (transposeA ? m : k) + padding }
        var ldb: Int { (transposeB ? k : n) + padding }
        var ldc: Int { n + padding }
        var a: [Float] { uniformValues((transposeA ? k : m) * lda, seed: 1) }
        var b: [Float] { uniformValues((transposeB ? n : k) * ldb, seed: 2) }
        var start: [Float] { uniformValues(m * ldc, seed: 3) }
        var testDescription: String {
            "\(m)x\(k)\(transposeA ? "ᵀ" : "") · \(k)x\(n)\(transposeB ? "ᵀ" : "")\(padding > 0 ? " padded" : "")"
        }

        func aValue(_ a: [Float], _ i: Int, _ p: Int) -> Float { transposeA ? a[p * lda + i] : a[i * lda + p] }
        func bValue(_ b: [Float], _ p: Int, _ j: Int) -> Float { transposeB ? b[j * ldb + p] : b[p * ldb + j] }

        /// `alpha · op(a) · op(b) + beta · start` through `gemm` with `context`, or on the calling
        /// thread with the kernels of `instructionSet`.
        func compute(alpha: Float, beta: Float, instructionSet: InstructionSet? = nil,
                     context: ComputeContext = ComputeContext()) -> [Float] {
            let (a, b) = (a, b)
            var c = start
            if let instructionSet {
                gemmOnCallingThread(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                                    a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: &c, ldc: ldc,
                                    instructionSet: instructionSet)
            } else {
                gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                     alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: &c, ldc: ldc, context: context)
            }
            return c
        }
    }

    static let products: [Product] = [
        Product(transposeA: false, transposeB: false, m: 3, n: 5, k: 4),
        Product(transposeA: true, transposeB: false, m: 3, n: 5, k: 4),
        Product(transposeA: false, transposeB: true, m: 3, n: 5, k: 4),
        Product(transposeA: true, transposeB: true, m: 3, n: 5, k: 4),
        Product(transposeA: false, transposeB: false, m: 1, n: 1, k: 1),
        Product(transposeA: false, transposeB: false, m: 17, n: 33, k: 9, padding: 3),
        Product(transposeA: true, transposeB: true, m: 9, n: 70, k: 300, padding: 1),
        Product(transposeA: false, transposeB: true, m: 100, n: 10, k: 40),
        Product(transposeA: true, transposeB: false, m: 40, n: 100, k: 513, padding: 2),
        Product(transposeA: false, transposeB: false, m: 130, n: 1100, k: 3),
        Product(transposeA: false, transposeB: false, m: 20, n: 70, k: 300, padding: 2),
        Product(transposeA: true, transposeB: false, m: 32, n: 1100, k: 5),
        Product(transposeA: false, transposeB: false, m: 12, n: 20, k: 30),
        Product(transposeA: false, transposeB: true, m: 8, n: 16, k: 3),
    ]

    @Test(arguments: products)
    func matchesTheProductInDoublePrecision(_ product: Product) {
        let (a, b, start) = (product.a, product.b, product.start)
        let result = product.compute(alpha: 2, beta: 0.5)
        for i in 0..<product.m {
            for j in 0..<product.n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<product.k {
                    let term = Double(product.aValue(a, i, p)) * Double(product.bValue(b, p, j))
                    sum += term
                    magnitude += abs(term)
                }
                let expected = 2 * sum + 0.5 * Double(start[i * product.ldc + j])
                let tolerance = 1e-6 * (2 * magnitude + 1)
                #expect(abs(Double(result[i * product.ldc + j]) - expected) <= tolerance, "c[\(i)][\(j)]")
            }
            for j in product.n..<product.ldc {
                #expect(result[i * product.ldc + j] == start[i * product.ldc + j], "padding c[\(i)][\(j)] untouched")
            }
        }
    }

    /// Each element is the documented sum: k in blocks of at most 256 of equal sizes, each
    /// block one fused multiply-add per product from zero in the order of k, then
    /// `alpha · sum + beta · c` for the first block and `c + alpha · sum` for the others.
    @Test(arguments: [(600, [200, 200, 200]), (257, [129, 128]), (256, [256]), (7, [7])])
    func sumsInBlocksOfKWithFusedMultiplyAdds(k: Int, blocks: [Int]) {
        let product = Product(transposeA: false, transposeB: false, m: 5, n: 37, k: k)
        let (a, b, start) = (product.a, product.b, product.start)
        let (alpha, beta): (Float, Float) = (0.75, -1.5)
        let result = product.compute(alpha: alpha, beta: beta)
        for i in 0..<product.m {
            for j in 0..<product.n {
                var c = start[i * product.ldc + j]
                var p = 0
                for (index, size) in blocks.enumerated() {
                    var sum: Float = 0
                    for _ in 0..<size {
                        sum = sum.addingProduct(product.aValue(a, i, p), product.bValue(b, p, j))
                        p += 1
                    }
                    c = index == 0 ? alpha * sum + beta * c : c + alpha * sum
                }
                #expect(result[i * product.ldc + j].bitPattern == c.bitPattern, "c[\(i)][\(j)]")
            }
        }
    }

    @Test(arguments: products)
    func everyInstructionSetGivesTheSameBits(_ product: Product) {
        let reference = product.compute(alpha: 1.5, beta: 0.25, instructionSet: .baseline)
        for instructionSet in InstructionSet.supported {
            let result = product.compute(alpha: 1.5, beta: 0.25, instructionSet: instructionSet)
            #expect(result.map(\.bitPattern) == reference.map(\.bitPattern), "\(instructionSet.rawValue)")
        }
    }

    /// Large enough to be shared out: by columns (n ≥ m), then by rows.
    @Test(arguments: [Product(transposeA: false, transposeB: true, m: 160, n: 300, k: 100),
                      Product(transposeA: true, transposeB: false, m: 300, n: 70, k: 160, padding: 5)])
    func everyThreadCountGivesTheSameBits(_ product: Product) {
        let reference = product.compute(alpha: 1, beta: 0)
        for threads in [2, 3, 7] {
            let shared = product.compute(alpha: 1, beta: 0, context: ComputeContext(threads: threads))
            #expect(shared.map(\.bitPattern) == reference.map(\.bitPattern), "\(threads) threads")
        }
    }

    @Test func betaZeroNeverReadsC() {
        let a: [Float] = [1, 2, 3, 4]
        let b: [Float] = [5, 6, 7, 8]
        var c = [Float](repeating: .nan, count: 4)
        gemm(transposeA: false, transposeB: false, m: 2, n: 2, k: 2, alpha: 1, a: a, lda: 2, b: b, ldb: 2,
             beta: 0, c: &c, ldc: 2, context: ComputeContext())
        #expect(c == [19, 22, 43, 50])
    }

    @Test func emptySumScalesC() {
        let none: [Float] = [0]
        var c: [Float] = [2, -4]
        gemm(transposeA: false, transposeB: false, m: 1, n: 2, k: 0, alpha: 3, a: none, lda: 1, b: none, ldb: 2,
             beta: 0.5, c: &c, ldc: 2, context: ComputeContext())
        #expect(c == [1, -2])
    }
}
