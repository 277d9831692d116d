import ExptData
import ExptEngine
import Foundation
import Testing

@testable import ExptRunner

/// A class per position (a language model's next tokens): the loss is the mean over the
/// batch's positions, accuracy the share of positions, on a hand-made dataset whose model is one
/// embedding with a fixed table, so its outputs are the table's rows and every number is known.
@Suite struct PositionClassTests {
    /// Two examples of two token ids, a class per position, three classes.
    static let data = Dataset(count: 2, featureCount: 2, features: [0, 1, 1, 1], targetCount: 2, targets: [2, 0, 1, 0], classCount: 3)

    /// Row 0 is (0, 0, 0): softmax 1/3 each; row 1 is (ln 2, 0, 0): softmax (1/2, 1/4, 1/4).
    static func network() -> Network {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputShape: [2], layers: [LayerSpec(EmbeddingSpec(vocabulary: 3, dimension: 3))],
                              loss: .crossEntropy, maxBatchSize: 2, generator: &generator)
        let table: [Float] = [0, 0, 0, Float(log(2.0)), 0, 0, 5, 5, 5]
        for i in table.indices { network.parameters[i] = table[i] }
        return network
    }

    @Test func theTargetsAreAClassPerPosition() {
        let view = DatasetView(all: Self.data)
        let training = TrainingData(splits: DataSplits(train: view, validation: view, test: nil), loss: .crossEntropy)
        #expect(training.targetForm == .positionClassIndices(positions: 2))
        #expect(training.outputShape == [2, 3])
        #expect(TrainingData.problem(DataSplits(train: view, validation: view, test: nil), loss: .meanSquaredError)
            == "the data has a class per position (2 per example), which only loss: cross_entropy trains on")
    }

    /// Losses ln 3, ln 2 (first example), ln 4, ln 2 (second): their mean over the four positions;
    /// the first maximal output is class 0 everywhere, right at two positions of four.
    @Test func lossAndAccuracyCountPositions() {
        let network = Self.network()
        #expect(network.labelsPerExample == 2)
        let view = DatasetView(all: Self.data)
        let batch = BatchBuffers(rows: 2, featureCount: 2, form: .positionClassIndices(positions: 2))
        let (loss, accuracy) = network.evaluate(view, through: batch)
        #expect(abs(loss - (log(3.0) + 4 * log(2.0)) / 4) <= 1e-6)
        #expect(accuracy == 0.5)
    }

    /// The gradient of the mean over B x T positions: (softmax − onehot) / 4 summed into each
    /// id's row; row 2 is never read.
    @Test func trainStepAveragesOverPositions() {
        let network = Self.network()
        let loss = Self.data.features.withUnsafeBufferPointer { x in
            Self.data.targets.withUnsafeBufferPointer { t in network.trainStep(inputs: x, targets: t, batchSize: 2) }
        }
        #expect(abs(Double(loss) - (log(3.0) + 4 * log(2.0)) / 4) <= 1e-6)
        let expected: [Double] = [1.0 / 12, 1.0 / 12, -2.0 / 12, -0.125, -0.0625, 0.1875, 0, 0, 0]
        for i in expected.indices { #expect(abs(Double(network.gradients[i]) - expected[i]) <= 1e-7, "gradient \(i)") }
    }

    @Test func idsOutsideTheVocabularyFailTheRunBeforeTraining() {
        let bad = Dataset(count: 2, featureCount: 2, features: [0, 1, 3, 1], targetCount: 2, targets: [2, 0, 1, 0], classCount: 3)
        let view = DatasetView(all: bad)
        let model = [LayerSpec(EmbeddingSpec(vocabulary: 3, dimension: 3))]
        #expect(TokenCheck.problem(DataSplits(train: view, validation: view, test: nil), model: model)
            == "token id 3.0 at position 0 of example 1 is not an integer in 0..<3, the embedding's vocabulary")
        let half = Dataset(count: 1, featureCount: 2, features: [0, 0.5], targetCount: 2, targets: [0, 0], classCount: 3)
        #expect(TokenCheck.problem(DataSplits(train: view, validation: view, test: DatasetView(all: half)),
                                   model: model)?.hasPrefix("token id 3.0") == true)
        let fine = DatasetView(all: Self.data)
        #expect(TokenCheck.problem(DataSplits(train: fine, validation: fine, test: DatasetView(all: half)), model: model)
            == "token id 0.5 at position 1 of test example 0 is not an integer in 0..<3, the embedding's vocabulary")
        #expect(TokenCheck.problem(DataSplits(train: view, validation: view, test: nil), model: [.dense(DenseSpec(units: 3))]) == nil)
    }
}
