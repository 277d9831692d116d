import Testing
import ExptData

@Suite struct DatasetRowsTests {
    static let data = Dataset(
        count: 3, featureCount: 2, features: [1, 2, 3, 4, 5, 6],
        targetCount: 1, targets: [2, 0, 1], classCount: 3)

    @Test func gatherOneHotPutsAOneAtTheClassIndex() {
        var features = [Float](repeating: -1, count: 8)
        var targets = [Float](repeating: -1, count: 12)
        var labels = [Float](repeating: -1, count: 4)
        let indices = [2, 0, 1, 2]
        features.withUnsafeMutableBufferPointer { f in
            targets.withUnsafeMutableBufferPointer { t in
                labels.withUnsafeMutableBufferPointer { l in
                    Self.data.gatherOneHot(rows: indices[...], features: f.baseAddress!, targets: t.baseAddress!, labels: l.baseAddress!)
                }
            }
        }
        #expect(features == [5, 6, 1, 2, 3, 4, 5, 6])
        #expect(labels == [1, 2, 0, 1])
        #expect(targets == [0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0])
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
        var targets = [Float](repeating: -1, count: 9)
        var labels = [Float](repeating: -1, count: 3)
        let order = [0, 1, 2]
        features.withUnsafeMutableBufferPointer { f in
            targets.withUnsafeMutableBufferPointer { t in
                labels.withUnsafeMutableBufferPointer { l in
                    Self.data.gatherOneHot(rows: order[1..<2], features: f.baseAddress!, targets: t.baseAddress!, labels: l.baseAddress!)
                }
            }
        }
        #expect(features == [3, 4, -1, -1, -1, -1])
        #expect(labels == [0, -1, -1])
        #expect(targets == [1, 0, 0, -1, -1, -1, -1, -1, -1])
    }
}
