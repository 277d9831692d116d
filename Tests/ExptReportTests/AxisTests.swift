import Testing

@testable import ExptReport

@Suite struct AxisTests {
    @Test(arguments: [(0.13, 0.2), (0.3, 0.5), (0.7, 1.0), (1.0, 1.0), (2.5, 5.0), (0.004, 0.005), (130, 200)])
    func niceStepIsOneTwoOrFiveTimesAPowerOfTen(rough: Double, expected: Double) {
        #expect(Axis.niceStep(rough) == expected)
    }

    @Test func linearAxisRoundsOutToItsTicks() {
        // Range 0.13…0.97: a fifth of it is 0.168, so the step is 0.2 and the ends round out to 0 and 1.
        let axis = Axis(covering: [0.13, 0.5, 0.97], scale: .linear)
        #expect(axis.low == 0 && axis.high == 1)
        #expect(axis.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(axis.ticks.map(axis.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(axis.fraction(0.25) == 0.25)
    }

    @Test func logAxisEndsOnOneTwoOrFive() {
        // 0.06…0.7 lies between 0.05 and 1; one decade and a bit, so 1, 2 and 5 are all marked.
        let axis = Axis(covering: [0.7, 0.06, 0.3], scale: .logarithmic)
        #expect(axis.scale == .logarithmic)
        #expect(axis.low == 0.05 && axis.high == 1)
        #expect(axis.ticks == [0.05, 0.1, 0.2, 0.5, 1])
        #expect(abs(axis.fraction(0.05)) < 1e-12 && abs(axis.fraction(1) - 1) < 1e-12)
    }

    @Test func logAxisOverManyDecadesMarksPowersOfTenAndTheEnds() {
        let axis = Axis(covering: [0.005, 0.5], scale: .logarithmic)
        #expect(axis.low == 0.005 && axis.high == 0.5)
        #expect(axis.ticks == [0.005, 0.01, 0.1, 0.5])
        // Twelve decades: every second power of ten, labelled plainly from 0.001 to 10000.
        let wide = Axis(covering: [2e-6, 3e5], scale: .logarithmic)
        #expect(wide.ticks.map(wide.label) == ["2e-6", "1e-4", "0.01", "1", "100", "10000", "5e5"])
    }

    @Test func logAxisFallsBackToLinearWithoutPositiveValues() {
        #expect(Axis(covering: [-1, 2], scale: .logarithmic).scale == .linear)
        #expect(Axis(covering: [0, 2], scale: .logarithmic).scale == .linear)
    }

    @Test func aSingleValueStillGivesARange() {
        let axis = Axis(covering: [3], scale: .linear)
        #expect(axis.low < 3 && axis.high > 3)
        let empty = Axis(covering: [], scale: .linear)
        #expect(empty.low == 0 && empty.high == 1)
    }
}
