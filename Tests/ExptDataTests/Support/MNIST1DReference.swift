import Foundation
import ExptTestSupport

/// `Fixtures/mnist1d_reference.json`, written by `Fixtures/mnist1d_reference.py` from the
/// real `mnist1d` package (numpy's legacy RandomState, scipy's filters).
struct MNIST1DReference: Decodable {
    struct Primitives: Decodable {
        let seed: UInt32
        let rand: [Double]
        let randn: [Double]
        let randint_48: [Int]
        let choice_48: [Int]
        let permutation_10: [Int]
        let randn_after: Double
        let seed_4000000000_rand: [Double]
        let gaussian_filter_sigma_2_input: [Double]
        let gaussian_filter_sigma_2_output: [Double]
    }

    struct Arguments: Decodable, Sendable {
        let num_samples: Int
        let train_split: Double
        let template_len: Int
        let padding: [Int]
        let scale_coeff: Double
        let max_translation: Int
        let corr_noise_scale: Double
        let iid_noise_scale: Double
        let shear_scale: Double
        let shuffle_seq: Bool
        let final_seq_length: Int
        let seed: UInt64
    }

    struct Split: Decodable, Sendable {
        let count: Int
        let sum: Double
        let sum_of_squares: Double
        let class_counts: [Int]
        let head_x: [[Double]]
        let head_y: [Int]
    }

    struct Case: Decodable, Sendable, CustomStringConvertible {
        let name: String
        let args: Arguments
        let train: Split
        let test: Split
        var description: String { name }
    }

    let numpy: String
    let scipy: String
    let mnist1d: String
    let primitives: Primitives
    let cases: [Case]

    static let shipped = FixtureFile.decode(MNIST1DReference.self, "mnist1d_reference.json", in: .module)
}
