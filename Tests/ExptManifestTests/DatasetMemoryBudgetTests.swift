import Testing
@testable import ExptManifest

/// A generated dataset must fit the memory budget of a dataset (2 GiB of 32-bit floats),
/// checked when the manifest is validated, before anything is allocated.
@Suite struct DatasetMemoryBudgetTests {
    static func manifest(_ data: String, output: Int = 3) -> String {
        """
        name: demo
        data: \(data)
        model: [{dense: \(output)}]
        train: {epochs: 1}
        optimizer: {name: sgd, lr: 0.1}
        variants: {sgd: {}}
        """
    }

    @Test func tenMillionBlobsOfTenThousandFeaturesAreRefused() {
        // 10,000,000 x (10,000 + 1) x 4 = 400,040,000,000 bytes.
        #expect(errorText(Self.manifest("{dataset: blobs, samples: 10000000, features: 10000}")) == #"""
            x.yaml:2:33: error: data.samples: expected a dataset that fits in memory, found 10000000 samples of 10000 input values and 1 target value; they need 400040000000 bytes (372.6 GiB) in memory, more than the memory budget of a dataset, 2 GiB (2147483648 bytes)
            data: {dataset: blobs, samples: 10000000, features: 10000}
                                            ^
            """#)
    }

    @Test func regressionTargetsCount() {
        // 1,000,000 x (500 + 100) x 4 = 2,400,000,000 bytes.
        #expect(errorText(Self.manifest("{dataset: linear, samples: 1000000, features: 500, targets: 100}", output: 100)) == #"""
            x.yaml:2:34: error: data.samples: expected a dataset that fits in memory, found 1000000 samples of 500 input values and 100 target values; they need 2400000000 bytes (2.2 GiB) in memory, more than the memory budget of a dataset, 2 GiB (2147483648 bytes)
            data: {dataset: linear, samples: 1000000, features: 500, targets: 100}
                                             ^
            """#)
    }

    @Test func mnist1dCountsItsSequenceLength() {
        // 100,000 x (10,000 + 1) x 4 = 4,000,400,000 bytes.
        #expect(errorText(Self.manifest("{dataset: mnist1d, samples: 100000, final_seq_length: 10000}", output: 10)) == #"""
            x.yaml:2:35: error: data.samples: expected a dataset that fits in memory, found 100000 samples of 10000 input values and 1 target value; they need 4000400000 bytes (3.7 GiB) in memory, more than the memory budget of a dataset, 2 GiB (2147483648 bytes)
            data: {dataset: mnist1d, samples: 100000, final_seq_length: 10000}
                                              ^
            """#)
    }

    @Test func aDatasetJustWithinTheBudgetIsValid() throws {
        // 10,000,000 x (52 + 1) x 4 = 2,120,000,000 bytes, under 2 GiB; nothing is generated.
        let experiment = try ManifestLoader.decode(text: Self.manifest("{dataset: blobs, samples: 10000000, features: 52}"), path: "x.yaml")
        #expect(experiment.runs.count == 1)
    }
}
