import ExptOptim
import Testing
import ExptTestSupport

/// ReduceOnPlateau's state machine: patience, cooldown, both threshold modes, min_lr.
struct SchedulesPlateauTests {
    /// Feeds `values` and returns the rate after each.
    func rates(_ plateau: inout ReduceOnPlateau, _ values: [Double]) -> [Double] {
        values.map { value in
            plateau.observe(value)
            return plateau.learningRate
        }
    }

    /// Patience 2: the third epoch in a row without improvement reduces the rate, and the count restarts.
    @Test func patience() throws {
        var plateau = try ReduceOnPlateau(baseLearningRate: 1, .init(factor: 0.5, patience: 2))
        // 1.0 improves on +inf; then 1.0, 1.0 are bad 1, 2; the third bad epoch (3 > 2) halves the rate.
        // An improvement (0.5) resets the count; three more bad epochs halve again.
        #expect(rates(&plateau, [1, 1, 1, 1, 0.5, 0.6, 0.6, 0.6]) == [1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25])
        #expect(plateau.best == 0.5)
        #expect(plateau.badEpochs == 0)
    }

    /// Relative threshold 0.1 in min mode: a value counts only when below best · 0.9.
    @Test func relativeThreshold() throws {
        var plateau = try ReduceOnPlateau(baseLearningRate: 1, .init(factor: 0.5, patience: 0, threshold: 0.1))
        // 10 improves on +inf (best 10); 9.5 is not below 9 (bad 1 > 0: halve); 8.9 is below 9 (best 8.9).
        #expect(rates(&plateau, [10, 9.5, 8.9]) == [1, 0.5, 0.5])
        #expect(plateau.best == 8.9)
    }

    /// Absolute threshold 0.1 in max mode: a value counts only when above best + 0.1.
    @Test func absoluteThresholdInMaxMode() throws {
        var plateau = try ReduceOnPlateau(
            baseLearningRate: 1, .init(mode: .max, factor: 0.5, patience: 0, threshold: 0.1, thresholdMode: .absolute))
        // 0.5 improves on −inf; 0.55 is not above 0.6 (halve); 0.65 is above 0.6 (best 0.65).
        #expect(rates(&plateau, [0.5, 0.55, 0.65]) == [1, 0.5, 0.5])
        #expect(plateau.best == 0.65)
    }

    /// Cooldown 2: after a reduction, two epochs are not counted as bad.
    @Test func cooldown() throws {
        var plateau = try ReduceOnPlateau(baseLearningRate: 1, .init(factor: 0.5, patience: 0, cooldown: 2))
        // Epoch 2: bad 1 > 0, halve, cooldown 2. Epochs 3, 4: cooldown counts down, bad reset.
        // Epoch 5: bad 1 > 0, halve again.
        #expect(rates(&plateau, [1, 1, 1, 1, 1]) == [1, 0.5, 0.5, 0.5, 0.25])
        #expect(plateau.cooldownLeft == 2)
    }

    /// The rate never goes below min_lr, and a change of at most 1e-8 is skipped.
    @Test func minimumLearningRate() throws {
        var plateau = try ReduceOnPlateau(baseLearningRate: 1, .init(factor: 0.1, patience: 0, minimumLearningRate: 0.05))
        // 1 → 0.1 → max(0.01, 0.05) = 0.05 → stays.
        #expect(rates(&plateau, [1, 1, 1, 1]) == [1, 0.1, 0.05, 0.05])
        var tiny = try ReduceOnPlateau(baseLearningRate: 1e-8, .init(factor: 0.5, patience: 0))
        // 1e-8 − 5e-9 = 5e-9 ≤ 1e-8: the rate stays.
        #expect(rates(&tiny, [1, 1]) == [1e-8, 1e-8])
    }

    @Test(arguments: ScheduleFixture.shipped.plateaus)
    func matchesTorch(_ c: PlateauCase) throws {
        var plateau = try c.plateau()
        #expect(plateau.learningRate == c.rates[0])
        for (index, value) in c.metrics.enumerated() {
            plateau.observe(value)
            expectRelativelyClose(plateau.learningRate, c.rates[index + 1], "after metric \(index)")
        }
    }
}
