import ExptConfig
import ExptOptim
import Testing

/// Each element-wise transformation's first steps, worked out by hand from its formula (the
/// arithmetic done in double precision, the results written out), through a chain ending in
/// the step at rate 1.
struct ElementwiseTransformationTests {
    /// `actual` within `tolerance` of `expected`, element by element.
    static func expectClose(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-15,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (step, (a, e)) in zip(actual, expected).enumerated() {
            #expect(a.count == e.count && zip(a, e).allSatisfy { abs($0 - $1) <= tolerance }, "step \(step + 1): \(a) against \(e)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func clipClampsEachElement() {
        // min(max(u, −0.5), 0.5).
        #expect(chainUpdates([Clip(maxDelta: 0.5)], gradients: [[0.3, -0.7, 2, -0.5, 0]]) == [[0.3, -0.5, 0.5, -0.5, 0]])
    }

    @Test func clipSignAndAverageInSinglePrecision() {
        #expect(chainUpdates([Clip(maxDelta: 0.5)], gradients: [[0.25, -0.75, 2]], as: Float.self) == [[0.25, -0.5, 0.5]])
        #expect(chainUpdates([ScaleBySign()], gradients: [[0.3, -2, 0]], as: Float.self) == [[1, -1, 0]])
        #expect(chainUpdates([EMA(decay: 0.5, debias: false)], gradients: [[2, -4], [4, 0]], as: Float.self) == [[1, -2], [2.5, -1]])
    }

    @Test func scaleBySignKeepsTheSign() {
        #expect(chainUpdates([ScaleBySign()], gradients: [[0.3, -2, 0, 1e-300]]) == [[1, -1, 0, 1]])
    }

    @Test func emaAveragesAndDebiases() {
        // β = 0.5. Step 1: m = 0.5 · 2 = 1, −2; u = m / (1 − 0.5) = 2, −4.
        // Step 2: m = 0.5 · 1 + 0.5 · 4 = 2.5, 0.5 · (−2) + 0 = −1; u = m / (1 − 0.25) = 10/3, −4/3.
        let gradients: [[Double]] = [[2, -4], [4, 0]]
        Self.expectClose(chainUpdates([EMA(decay: 0.5)], gradients: gradients), [[2, -4], [10.0 / 3, -4.0 / 3]], tolerance: 1e-14)
        // Without debiasing u = m.
        #expect(chainUpdates([EMA(decay: 0.5, debias: false)], gradients: gradients) == [[1, -2], [2.5, -1]])
    }

    @Test func scaleByBeliefTracksTheResidual() {
        // β₁ = β₂ = 0.5, ε = 0.01. Step 1, u = 2: m = 1, r = 2 − 1 = 1, s = 0.5 · 1 + 0.01 = 0.51,
        // d = √0.51 / √0.5 + 0.01 = 1.0199504938…, u = 2 · 1 / d = 1.96087948590…
        // Step 2, u = 1: m = 0.5 + 0.5 = 1, r = 0, s = 0.255 + 0 + 0.01 = 0.265,
        // d = √0.265 / √0.75 + 0.01 = 0.6044…, u = (1 / 0.75) · 1 / d = 2.20597710045…
        Self.expectClose(chainUpdates([ScaleByBelief(beta1: 0.5, beta2: 0.5, eps: 0.01)], gradients: [[2], [1]]),
                         [[1.9608794859029473], [2.2059771004532105]], tolerance: 1e-14)
    }

    @Test func scaleByAdadeltaIsInTheParametersUnits() {
        // ρ = 0.5, ε = 0.01. Step 1, u = 2: v = 2, Δ = √0.01 / √2.01 · 2 = 0.141069123…, w = 0.5 Δ² = 0.00995…
        // Step 2, u = 1: v = 1.5, Δ = √(w + 0.01) / √1.51 · 1 = 0.114943835…
        Self.expectClose(chainUpdates([ScaleByAdadelta(rho: 0.5, eps: 0.01)], gradients: [[2], [1]]),
                         [[0.14106912317171966], [0.11494383528062364]], tolerance: 1e-15)
    }

    @Test func scaleByAdamaxDividesByTheDecayingMaximum() {
        // β₁ = β₂ = 0.5, ε = 0.01. Step 1: m = 1, −0.5; n = |u| + ε = 2.01, 1.01; u = 2 m / n.
        // Step 2, u = 0.5, 0: m = 0.75, −0.25; n = max(1.005, 0.51) = 1.005, max(0.505, 0.01) = 0.505;
        // u = (4/3) m / n = 0.99502…, −0.66006…
        Self.expectClose(chainUpdates([ScaleByAdamax(beta1: 0.5, beta2: 0.5, eps: 0.01)], gradients: [[2, -1], [0.5, 0]]),
                         [[2 / 2.01, -1 / 1.01], [0.9950248756218907, -0.6600660066006601]], tolerance: 1e-15)
    }

    @Test func scaleByNAdamFollowsTheMomentumSchedule() {
        // β₁ = 0.9, β₂ = 0.5, ψ = 1: μ₁ = 0.9 (1 − 0.48) = 0.468, μ₂ = 0.9 (1 − 0.4608) = 0.48528,
        // μ₃ = 0.9 (1 − 0.442368) = 0.5018688. Step 1, u = 2: m = 0.2, v = 2, d = √(2 / 0.5) + ε ≈ 2,
        // u = (1 − μ₁)/(1 − Π₁) · 2/d + μ₂/(1 − Π₁ μ₂) · 0.2/d = 1 + 0.0627878 = 1.0627878…
        // Step 2, u = 1: m = 0.28, v = 1.5, d = √(1.5 / 0.75) + ε, Π₂ = 0.22711104,
        // u = (1 − μ₂)/(1 − Π₂) · 1/d + μ₃/(1 − Π₂ μ₃) · 0.28/d = 0.58305863…
        Self.expectClose(chainUpdates([ScaleByNAdam(beta1: 0.9, beta2: 0.5, momentumDecay: 1)], gradients: [[2], [1]]),
                         [[1.0627877979948313], [0.5830586327075609]], tolerance: 1e-14)
    }

    @Test func scaleByRAdamIsMomentumUntilTheVarianceIsRectified() {
        // β₁ = 0.5, β₂ = 0.9, u = 1 every step: ρ∞ = 19, ρₜ = 1, 1.95, 2.86, 3.74, 4.58, 5.39.
        // Steps 1–5: u = m̂ = 1. Step 6: r = √((ρ₆ − 4)(ρ₆ − 2) ρ∞ / (15 · 17 · ρ₆)) = 0.2551768…,
        // u = m̂ · √(1 − 0.9⁶) / (√v + 10⁻⁸) · r = 0.25517680…
        let updates = chainUpdates([ScaleByRAdam(beta1: 0.5, beta2: 0.9)], gradients: Array(repeating: [1], count: 6),
                                   rates: [1, 1, 1, 1, 1, 1])
        Self.expectClose(updates, [[1], [1], [1], [1], [1], [0.25517680281883126]], tolerance: 1e-15)
    }

    @Test func scaleByRAdamKeepsItsDirectionAtAnyRate() {
        // β₁ = 0.5, step 1: u = m̂ = 2, −1, whatever the rate (the stage's γ cancels the step's).
        #expect(chainUpdates([ScaleByRAdam(beta1: 0.5)], gradients: [[2, -1]], rates: [0.25]) == [[0.5, -0.25]])
    }

    @Test func scaleByRpropReadsTheRateAtTheFirstStepOnly() {
        // γ₁ = 0.1: s = 0.1 everywhere, u = sign(g) s = 0.1, −0.1, 0.
        // Step 2, g = 1, 1, 1 after 1, −1, 0: s = 0.12, 0.05, 0.1 and the flipped one steps 0.
        // Step 3 (rate 5, not read), g = 1, 1, −1 after 1, 0, 1: s = 0.144, 0.05, 0.05; the third flipped.
        let updates = chainUpdates([ScaleByRprop()], gradients: [[1, -1, 0], [1, 1, 1], [1, 1, -1]], rates: [0.1, 0.1, 5])
        Self.expectClose(updates, [[0.1, -0.1, 0], [0.12, 0, 0.1], [0.144, 0.05, 0]], tolerance: 1e-16)
    }

    @Test func scaleByRpropComposesWithScalingsAfterIt() {
        // The pending 1 / γ, then 0.5, then −γ: the steps halve, 0.05 and −0.05.
        #expect(chainUpdates([ScaleByRprop(), Scale(factor: 0.5)], gradients: [[2, -3]], rates: [0.1]) == [[0.05, -0.05]])
    }

    @Test func addNoiseAddsTheSeededAnnealedNoise() {
        // z from SplitMix64 and Box–Muller, computed independently in Python; σ₁ = 1, σ₂ = √(1 / 2^0.55) = 0.82645…
        let gradients: [[Double]] = [[1, 2, 3], [0, 0, 0]]
        let seedZero = chainUpdates([AddNoise(eta: 1, gamma: 0.55, seed: 0)], gradients: gradients)
        Self.expectClose(seedZero, [[1 - 0.012994847896425953, 2 - 0.03203628916835872, 3 - 0.03514061179033344],
                                    [0.8264503181542117 * 0.646330381896904, 0.8264503181542117 * -0.6730369771939381,
                                     0.8264503181542117 * 0.8898597671620639]], tolerance: 1e-14)
        let seedSeven = chainUpdates([AddNoise(eta: 4, gamma: 0.55, seed: 7)], gradients: [[0, 0, 0]])
        Self.expectClose(seedSeven, [[2 * 1.145340083225179, 2 * -1.3455222318252584, 2 * 1.0599314688210646]], tolerance: 1e-14)
        #expect(chainUpdates([AddNoise(eta: 0)], gradients: gradients) == gradients)
    }
}
