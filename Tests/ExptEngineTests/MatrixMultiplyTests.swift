import Testing
@testable import ExptEngine

/// `gemm` against a plain triple loop, for every combination of transposes.
struct MatrixMultiplyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let transposeA: Bool
        let transposeB: Bool
        var testDescription: String { "A\(transposeA ? "ᵀ" : "") B\(transposeB ? "ᵀ" : "")" }
    }

    @Test(arguments: [Case(transposeA: false, transposeB: false), Case(transposeA: true, transposeB: false),
                      Case(transposeA: false, transposeB: true), Case(transposeA: true, transposeB: true)])
    func matchesNaiveProduct(_ c: Case) {
        let (m, n, k) = (3, 5, 4)
        let a = uniformValues(m * k, seed: 1)   // stored k x m when transposed
        let b = uniformValues(k * n, seed: 2)   // stored n x k when transposed
        let start = uniformValues(m * n, seed: 3)
        var result = start
        let lda = c.transposeA ? m : k
        let ldb = c.transposeB ? k : n
        gemm(transposeA: c.transposeA, transposeB: c.transposeB, m: m, n: n, k: k, alpha: 2,
             a: a, lda: lda, b: b, ldb: ldb, beta: 0.5, c: &result, ldc: n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let aValue = c.transposeA ? a[p * lda + i] : a[i * lda + p]
                    let bValue = c.transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += Double(aValue) * Double(bValue)
                }
                let expected = 2 * sum + 0.5 * Double(start[i * n + j])
                #expect(abs(Double(result[i * n + j]) - expected) < 1e-5, "c[\(i)][\(j)]")
            }
        }
    }
}
