import Testing
@testable import ExptData

/// numpy's legacy RandomState draws, against the values numpy itself gave
/// (`Fixtures/mnist1d_reference.py`, section `primitives`).
@Suite struct LegacyRandomStateTests {
    let reference = MNIST1DReference.shipped.primitives

    @Test func drawsInTheReferenceOrderMatchNumpyExactly() {
        var random = LegacyRandomState(seed: reference.seed)
        #expect((0..<5).map { _ in random.rand() } == reference.rand)
        #expect(random.randn(5) == reference.randn)
        #expect((0..<5).map { _ in random.randint(below: 48) } == reference.randint_48)
        #expect((0..<5).map { _ in random.randint(below: 48) } == reference.choice_48)
        #expect(random.permutation(10) == reference.permutation_10)
        // randn(5) left the second value of its third pair cached; integers do not touch it.
        #expect(random.randn() == reference.randn_after)
    }

    @Test func largeSeedsUseTheWholeThirtyTwoBits() {
        var random = LegacyRandomState(seed: 4_000_000_000)
        #expect((0..<3).map { _ in random.rand() } == reference.seed_4000000000_rand)
    }

    @Test func firstOutputsOfTheTwisterAreTheClassicOnes() {
        // init_genrand(5489), the reference implementation's default: 3499211612, 581869302, 3890346734.
        var twister = MersenneTwister(seed: 5489)
        #expect((0..<3).map { _ in twister.next32() } == [3_499_211_612, 581_869_302, 3_890_346_734])
    }

    @Test func gaussianFilterMatchesScipyReflectMode() {
        let output = NumpyFunctions.gaussianFilter(reference.gaussian_filter_sigma_2_input, sigma: 2)
        #expect(output.count == reference.gaussian_filter_sigma_2_output.count)
        for (mine, theirs) in zip(output, reference.gaussian_filter_sigma_2_output) {
            #expect(abs(mine - theirs) <= 1e-15, "\(mine) vs \(theirs)")
        }
    }

    @Test func linspaceAndInterpolationFollowNumpy() {
        // np.linspace(0, 1, 5) and np.interp([0, 0.3, 1], [0, 0.5, 1], [2, 4, 0]).
        #expect(NumpyFunctions.linspace(0, 1, 5) == [0, 0.25, 0.5, 0.75, 1])
        #expect(NumpyFunctions.linspace(-0.5, 0.5, 3) == [-0.5, 0, 0.5])
        // 0.3: slope (4 - 2) / 0.5 = 4, 4 * 0.3 + 2 = 3.2; at the last knot, its value.
        #expect(NumpyFunctions.interpolate([0, 0.3, 1], [0, 0.5, 1], [2, 4, 0]) == [2, 4 * 0.3 + 2, 0])
    }
}
