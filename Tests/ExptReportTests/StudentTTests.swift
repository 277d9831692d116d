import Foundation
import Testing
@testable import ExptReport

/// Student's t against closed forms and published quantiles (the t tables of any statistics
/// text, to 6 decimals).
@Suite struct StudentTTests {
    /// (probability, degrees of freedom, quantile).
    static let quantiles: [(Double, Double, Double)] = [
        (0.975, 1, 12.706205), (0.975, 2, 4.302653), (0.975, 3, 3.182446), (0.975, 4, 2.776445),
        (0.975, 9, 2.262157), (0.975, 29, 2.045230), (0.975, 1000, 1.962339), (0.995, 3, 5.840909),
        (0.95, 5, 2.015048), (0.025, 9, -2.262157),
    ]

    @Test(arguments: quantiles)
    func quantileMatchesTheTable(_ probability: Double, _ degrees: Double, _ expected: Double) {
        let t = StudentT.quantile(probability, degreesOfFreedom: degrees)
        #expect(abs(t - expected) < 5e-7, "t(\(probability), \(degrees)) = \(t), expected \(expected)")
    }

    /// ν = 1 is the Cauchy distribution, F(t) = 1/2 + atan(t)/π; ν = 2 has F(t) = 1/2 + t/(2√(2 + t²)).
    @Test(arguments: [-3.0, -0.5, 0, 1, 2, 10])
    func distributionFunctionMatchesClosedForms(_ t: Double) {
        #expect(abs(StudentT.cumulativeProbability(t, degreesOfFreedom: 1) - (0.5 + atan(t) / Double.pi)) < 1e-13)
        #expect(abs(StudentT.cumulativeProbability(t, degreesOfFreedom: 2) - (0.5 + t / (2 * (2 + t * t).squareRoot()))) < 1e-13)
    }

    /// [2, 4, 6, 8]: mean 5, s = √(20/3) = 2.581989, half-width t(0.975, 3)·s/2 = 4.108521.
    @Test func spreadGivesEveryStatistic() throws {
        let spread = try #require(Spread([6, 2, 8, 4]))
        #expect(spread.mean == 5 && spread.median == 5 && spread.minimum == 2 && spread.maximum == 8 && spread.count == 4)
        #expect(abs(spread.standardDeviation - 2.581989) < 1e-6)
        let half = try #require(spread.confidenceHalfWidth)
        #expect(abs(half - 4.108521) < 1e-6)
        #expect(spread.confidenceInterval.map { abs($0.lowerBound - 0.891479) < 1e-6 && abs($0.upperBound - 9.108521) < 1e-6 } == true)
        // One value: a mean, but no interval.
        #expect(Spread([0.5])?.confidenceHalfWidth == nil && Spread([0.5])?.confidenceInterval == nil)
        #expect(Spread([]) == nil)
    }
}
