import ExptEngine

/// `data.label_noise`: a fraction of the training labels replaced by another class, drawn
/// uniformly, on a stream of its own of the data seed.
///
/// Of the n training examples (in the split's order), k = round(fraction · n) (halves away
/// from zero) are chosen: the first k of a seeded permutation of 0..<n. In that order, each
/// chosen example's label c becomes d = u if u < c, else u + 1, with u uniform in
/// 0..<classes − 1: every other class with probability 1/(classes − 1), never c itself.
public enum LabelNoise {
    /// How many of `count` labels a `fraction` replaces.
    public static func flippedCount(fraction: Double, count: Int) -> Int {
        Int((fraction * Double(count)).rounded())
    }

    /// Replaces labels of `targets` (one class index per example, `classes` of them) in place
    /// and returns the replaced ones, sorted by example; `examples[i]` is the index that the
    /// i-th target's example has in the dataset as loaded.
    public static func flip(_ targets: inout [Float], classes: Int, fraction: Double, seed: UInt64,
                            examples: [Int]) -> [FlippedLabel] {
        precondition(classes >= 2, "label noise needs another class")
        var random = SeededGenerator(seed: seed, stream: DataStream.labelNoise)
        let chosen = random.permutation(targets.count).prefix(flippedCount(fraction: fraction, count: targets.count))
        var flipped: [FlippedLabel] = []
        flipped.reserveCapacity(chosen.count)
        for position in chosen {
            let label = Int(targets[position])
            let drawn = random.nextInt(below: classes - 1)
            let noisy = drawn < label ? drawn : drawn + 1
            targets[position] = Float(noisy)
            flipped.append(FlippedLabel(example: examples[position], label: label, noisyLabel: noisy))
        }
        return flipped.sorted { $0.example < $1.example }
    }
}
