import Foundation
import ExptEngine

extension SpiralsSettings {
    /// Interleaved spiral arms in the plane, one per class, examples grouped by class
    /// (class 0 first; `split` shuffles them).
    ///
    /// With K = `classes` arms, class k gets n_k examples (`samples` split as evenly as
    /// possible, the first classes taking the remainder). Its i-th example, i = 0..<n_k, is
    ///
    ///     t = (i + 1) / n_k                          (in (0, 1])
    ///     θ = 2π · turns · t + 2π · k / K
    ///     x = t · cos θ + noise · ε₁,   y = t · sin θ + noise · ε₂
    ///
    /// so the radius is t, and ε₁, ε₂ are standard normal draws (x's first) from the
    /// generator seeded by `seed` on the spiral-noise stream. Targets are the class index k
    /// as a Float (targetCount 1), and `classCount` is K.
    ///
    /// Assumes `samples >= 1` and `classes >= 1`, which the manifest checks; otherwise
    /// negative samples count as 0 (an empty dataset) and classes below 1 as 1. When
    /// `samples < classes` the last classes are empty but still counted in `classCount`.
    func generate(seed: UInt64) -> Dataset {
        let sizes = classSizes(samples: samples, classes: classes)
        let arms = sizes.count
        var random = SeededGenerator(seed: seed, stream: DataStream.spiralNoise)
        var features: [Float] = []
        var targets: [Float] = []
        features.reserveCapacity(2 * max(samples, 0))
        targets.reserveCapacity(max(samples, 0))
        for (arm, size) in sizes.enumerated() {
            for i in 0..<size {
                let t = Double(i + 1) / Double(size)
                let angle = 2 * Double.pi * (turns * t + Double(arm) / Double(arms))
                let x = t * cos(angle) + noise * random.nextGaussian()
                let y = t * sin(angle) + noise * random.nextGaussian()
                features.append(Float(x))
                features.append(Float(y))
                targets.append(Float(arm))
            }
        }
        return Dataset(count: targets.count, featureCount: 2, features: features,
                       targetCount: 1, targets: targets, classCount: arms)
    }
}
