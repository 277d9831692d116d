import Foundation
import Testing
@testable import ExptEngine
import ExptTestSupport

struct LossTests {
    /// Each loss's gradient against central differences of its mean, and its returned mean
    /// against its sum divided by the batch size.
    @Test(arguments: LossKind.allCases)
    func gradientMatchesFiniteDifferences(_ loss: LossKind) {
        let (rows, columns) = (4, 5)
        let outputs = FloatBuffer(uniformValues(rows * columns, seed: 30, in: -3, 3))
        let targets = loss == .crossEntropy ? [2, 0, 4, 4] : uniformValues(rows * columns, seed: 31)
        let gradient = FloatBuffer(count: rows * columns)
        let mean = loss.meanLossAndGradient(outputs: outputs.pointer, targets: targets, rows: rows, columns: columns,
                                            gradient: gradient.pointer)
        func meanLoss() -> Double {
            loss.lossSum(outputs: outputs.pointer, targets: targets, rows: rows, columns: columns) / Double(rows)
        }
        #expect(abs(mean - meanLoss()) <= 1e-12 * max(1, abs(mean)))
        for i in 0..<outputs.count {
            let numeric = centralDifference(of: outputs.pointer, at: i, step: 1e-2, meanLoss)
            expectGradient(gradient[i], numeric, "\(loss) output \(i)")
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let loss: LossKind
        let outputs: [Float]
        let targets: [Float]
        let columns: Int
        let expectedSum: Double
        let note: String
        var testDescription: String { "\(loss.rawValue): \(note)" }
    }

    @Test(arguments: [
        Case(loss: .crossEntropy, outputs: [0, 0, 0], targets: [1], columns: 3, expectedSum: log(3.0),
             note: "uniform logits: log 3"),
        // logsumexp(1, 2, 3) = 3 + log(1 + e^-1 + e^-2) = 3.407605964; minus z[0] = 1.
        Case(loss: .crossEntropy, outputs: [1, 2, 3], targets: [0], columns: 3, expectedSum: 2.407605964,
             note: "hand-computed logsumexp"),
        Case(loss: .crossEntropy, outputs: [1000, 0, -1000, 0], targets: [0, 0], columns: 2, expectedSum: 0 + 1000,
             note: "huge logits stay finite: 0 for the first row, 1000 (label 0 at -1000) for the second"),
        // Row 1: ((1 − 0)² + (2 − 0)²) / 2 = 2.5; row 2: ((0 − 1)² + (0 − 1)²) / 2 = 1.
        Case(loss: .meanSquaredError, outputs: [1, 2, 0, 0], targets: [0, 0, 1, 1], columns: 2, expectedSum: 3.5,
             note: "mean over outputs per example"),
    ])
    func lossSumMatchesHandComputation(_ c: Case) {
        let rows = c.outputs.count / c.columns
        let sum = c.loss.lossSum(outputs: c.outputs, targets: c.targets, rows: rows, columns: c.columns)
        #expect(abs(sum - c.expectedSum) <= 1e-6 * max(1, c.expectedSum))
    }

    /// The mean-squared-error gradient by hand: 2 (z − t) / (rows · columns).
    @Test func meanSquaredErrorGradientByHand() {
        var gradient = [Float](repeating: 0, count: 4)
        let mean = LossKind.meanSquaredError.meanLossAndGradient(outputs: [1, 2, 0, 0], targets: [0, 0, 1, 1],
                                                                 rows: 2, columns: 2, gradient: &gradient)
        #expect(mean == 1.75)
        #expect(gradient == [0.5, 1, -0.5, -0.5])
    }
}
