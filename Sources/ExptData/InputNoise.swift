import ExptEngine

/// `data.input_noise`: Gaussian noise of standard deviation σ added to every training
/// feature, once, when the data is prepared (on a stream of its own of the data seed): the
/// training set is a fixed noisy sample, as measured data is, the same in every epoch. Noise
/// drawn anew each epoch would be data augmentation, another experiment.
///
/// x ← x + σ · z, with z standard normal, feature by feature, example by example in the
/// split's order, after normalisation (σ is in the units the model sees).
public enum InputNoise {
    public static func add(to features: inout [Float], deviation: Double, seed: UInt64) {
        var random = SeededGenerator(seed: seed, stream: DataStream.inputNoise)
        for i in features.indices {
            features[i] += Float(deviation * random.nextGaussian())
        }
    }
}
