import ExptData
import ExptEngine
import ExptManifest
import Testing

@testable import ExptRunner

/// Evaluation gathers a view's rows through the run's batch buffers; it must give what
/// evaluating the same rows copied out, contiguously, pass by pass gives (how the parts were
/// read before they became views), for every form of targets.
@Suite struct ViewEvaluationTests {
    /// Seven examples of two features and three classes; the view takes five, out of order.
    static let classes = Dataset(
        count: 7, featureCount: 2, features: [0.5, -1, 2, 0.25, -0.75, 1.5, 3, -2, 0.1, 0.2, -1.25, 0.8, 1, 1],
        targetCount: 1, targets: [0, 2, 1, 1, 0, 2, 1], classCount: 3)
    /// The same features with two values to fit per example.
    static let values = Dataset(
        count: 7, featureCount: 2, features: classes.features,
        targetCount: 2, targets: [1, -1, 0.5, 2, -3, 0, 4, 1, 0.25, 0.5, -2, 2, 3, 3], classCount: nil)
    static let rows = [5, 1, 6, 0, 3]

    /// The reference: the view's rows copied out (one-hot targets written by hand for squared
    /// error on classes), evaluated `rowsPerPass` at a time from contiguous memory.
    static func reference(_ network: Network, _ view: DatasetView, form: TargetForm, rowsPerPass: Int) -> (loss: Double, accuracy: Double?) {
        let copy = view.copied()
        var targets = copy.targets
        if case .oneHot(let classCount) = form {
            targets = Array(repeating: 0, count: copy.count * classCount)
            for (row, label) in copy.targets.enumerated() { targets[row * classCount + Int(label)] = 1 }
        }
        let labels: [Float]? = if case .values = form { nil } else { copy.targets }
        var lossSum = 0.0, correct = 0
        for start in stride(from: 0, to: copy.count, by: rowsPerPass) {
            let count = min(rowsPerPass, copy.count - start)
            let inputs = Array(copy.features[start * 2..<(start + count) * 2])
            let expected = Array(targets[start * form.width..<(start + count) * form.width])
            let batchLabels = labels.map { Array($0[start..<start + count]) }
            let result = inputs.withUnsafeBufferPointer { x in
                expected.withUnsafeBufferPointer { t in
                    if let batchLabels {
                        batchLabels.withUnsafeBufferPointer { network.evaluate(inputs: x, targets: t, batchSize: count, labels: $0) }
                    } else {
                        network.evaluate(inputs: x, targets: t, batchSize: count, labels: nil)
                    }
                }
            }
            lossSum += result.lossSum
            correct += result.correct
        }
        return (lossSum / Double(copy.count), labels == nil ? nil : Double(correct) / Double(copy.count))
    }

    @Test(arguments: [(LossKind.crossEntropy, 2), (.crossEntropy, 5), (.meanSquaredError, 2), (.meanSquaredError, 3)])
    func classesThroughTheBatchEqualTheirCopy(loss: LossKind, rowsPerPass: Int) {
        let view = DatasetView(Self.classes, rows: Self.rows)
        let data = TrainingData(splits: DataSplits(train: view, validation: view, test: nil), loss: loss)
        #expect(data.targetForm == (loss == .crossEntropy ? .classIndices : .oneHot(classes: 3)))
        #expect(data.modelOutputs == 3)
        Self.check(view, form: data.targetForm, loss: loss, outputs: 3, rowsPerPass: rowsPerPass)
    }

    @Test(arguments: [2, 4])
    func valuesThroughTheBatchEqualTheirCopy(rowsPerPass: Int) {
        let view = DatasetView(Self.values, rows: Self.rows)
        let data = TrainingData(splits: DataSplits(train: view, validation: view, test: nil), loss: .meanSquaredError)
        #expect(data.targetForm == .values(count: 2) && data.modelOutputs == 2)
        Self.check(view, form: data.targetForm, loss: .meanSquaredError, outputs: 2, rowsPerPass: rowsPerPass)
    }

    static func check(_ view: DatasetView, form: TargetForm, loss: LossKind, outputs: Int, rowsPerPass: Int) {
        var generator = SeededGenerator(seed: 3, stream: 1)
        let network = Network(inputSize: 2, layers: [.dense(DenseSpec(units: 4, activation: .relu)), .dense(DenseSpec(units: outputs))],
                              loss: loss, maxBatchSize: rowsPerPass, generator: &generator)
        let batch = BatchBuffers(rows: rowsPerPass, featureCount: 2, form: form)
        let actual = network.evaluate(view, through: batch)
        let expected = reference(network, view, form: form, rowsPerPass: rowsPerPass)
        #expect(actual.loss == expected.loss && actual.accuracy == expected.accuracy)
        #expect(actual.loss > 0)
        if case .values = form { #expect(actual.accuracy == nil) } else { #expect(actual.accuracy != nil) }
    }
}
