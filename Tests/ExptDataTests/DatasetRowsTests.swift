import Testing
import ExptData

@Suite struct DatasetRowsTests {
    static let data = Dataset(
        count: 3, featureCount: 2, features: [1, 2, 3, 4, 5, 6],
        targetCount: 1, targets: [2, 0, 1], classCount: 3)

    @Test func oneHotPutsAOneAtTheClassIndex() {
        let encoded = Self.data.oneHotEncoded()
        #expect(encoded.targetCount == 3)
        #expect(encoded.targets == [0, 0, 1, 1, 0, 0, 0, 1, 0])
        #expect(encoded.features == Self.data.features)
        #expect(encoded.count == 3 && encoded.classCount == 3)
    }

    @Test func oneHotLeavesRegressionAndEncodedDataAlone() {
        let regression = Dataset(count: 2, featureCount: 1, features: [0, 1], targetCount: 1, targets: [0.5, 3.5], classCount: nil)
        #expect(regression.oneHotEncoded() == regression)
        let encoded = Self.data.oneHotEncoded()
        #expect(encoded.oneHotEncoded() == encoded)
    }

    @Test func gatherCopiesTheChosenRowsInOrder() {
        var features = [Float](repeating: -1, count: 8)
        var targets = [Float](repeating: -1, count: 4)
        let indices = [2, 0, 2, 1]
        features.withUnsafeMutableBufferPointer { f in
            targets.withUnsafeMutableBufferPointer { t in
                Self.data.gather(rows: indices[...], features: f.baseAddress!, targets: t.baseAddress!)
            }
        }
        #expect(features == [5, 6, 1, 2, 5, 6, 3, 4])
        #expect(targets == [1, 2, 1, 0])
    }

    @Test func gatherOfASliceWritesOnlyItsRows() {
        var features = [Float](repeating: -1, count: 6)
        var targets = [Float](repeating: -1, count: 6)
        let encoded = Self.data.oneHotEncoded()
        let order = [0, 1, 2]
        features.withUnsafeMutableBufferPointer { f in
            targets.withUnsafeMutableBufferPointer { t in
                encoded.gather(rows: order[1..<2], features: f.baseAddress!, targets: t.baseAddress!)
            }
        }
        #expect(features == [3, 4, -1, -1, -1, -1])
        #expect(targets == [1, 0, 0, -1, -1, -1])
    }
}
