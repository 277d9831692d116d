import Testing
import ExptManifest
@testable import ExptReport

@Suite struct StatisticsTests {
    @Test func meanAndSampleStandardDeviation() {
        // mean 5; squared deviations 9+1+1+9 = 20; 20 / (4 - 1) = 6.667; sqrt = 2.582
        #expect(Statistics.mean([2, 4, 6, 8]) == 5)
        #expect(abs(Statistics.sampleStandardDeviation([2, 4, 6, 8])! - (20.0 / 3).squareRoot()) < 1e-12)
        #expect(Statistics.sampleStandardDeviation([3]) == 0)
        #expect(Statistics.mean([]) == nil && Statistics.sampleStandardDeviation([]) == nil)
    }

    @Test func bestTakesTheFirstOnTiesAndSkipsNaN() {
        #expect(Statistics.best([0.5, 0.8, 0.8, 0.7], by: .maximize)! == (1, 0.8))
        #expect(Statistics.best([0.5, 0.3, 0.3, 0.7], by: .minimize)! == (1, 0.3))
        #expect(Statistics.best([.nan, 2, .nan, 1], by: .minimize)! == (3, 1))
        #expect(Statistics.best([.nan], by: .maximize) == nil)
    }
}
