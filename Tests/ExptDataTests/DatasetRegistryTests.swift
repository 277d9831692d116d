import Foundation
import Testing
import ExptData

/// The dataset kinds through their registry: names, defaults from each table, the stored form
/// of committed runs (written out by hand from their config.json), and what each kind says of
/// its examples without loading them.
@Suite struct DatasetRegistryTests {
    @Test func theRegistryListsEachNameOnce() {
        #expect(DatasetRegistry.kinds.map { $0.name }
            == ["spirals", "blobs", "moons", "circles", "xor", "linear", "polynomial", "mnist1d", "idx", "cifar10", "csv",
               "modular_arithmetic", "copy", "reverse", "sort", "parity", "text"])
        #expect(DatasetRegistry.stored.map { $0.name }.last == "function")
        #expect(Set(DatasetRegistry.stored.map { $0.name }).count == DatasetRegistry.stored.count)
        #expect(DatasetRegistry.kind(named: "moons").map(ObjectIdentifier.init) == ObjectIdentifier(MoonsSettings.self))
        #expect(DatasetRegistry.kind(named: "rosenbrock") == nil)
    }

    /// Each kind's defaults, as its table lists them for reports (a file not given is left out).
    @Test func theDefaultsAreListedByTheTables() {
        func listed(_ kind: any DatasetKind) -> [String] { DatasetConfig(kind).settings.map { "\($0.name) \($0.value)" } }
        #expect(listed(SpiralsSettings()) == ["samples 1000", "classes 2", "noise 0.1", "turns 1.5"])
        #expect(listed(BlobsSettings()) == ["samples 1000", "classes 3", "features 2", "noise 1.0", "spread 5.0"])
        #expect(listed(MoonsSettings()) == ["samples 1000", "noise 0.1"])
        #expect(listed(CirclesSettings()) == ["samples 1000", "noise 0.05", "factor 0.5"])
        #expect(listed(XORSettings()) == ["samples 1000", "noise 0.1"])
        #expect(listed(LinearSettings()) == ["samples 1000", "features 2", "targets 1", "noise 0.1"])
        #expect(listed(PolynomialSettings()) == ["samples 1000", "degree 3", "noise 0.1"])
        #expect(listed(MNIST1DSettings()) == [
            "samples 5000", "train_split 0.8", "template_len 12", "padding [36, 60]", "scale_coeff 0.4", "max_translation 48",
            "corr_noise_scale 0.25", "iid_noise_scale 0.02", "shear_scale 0.75", "shuffle_seq false", "final_seq_length 40",
        ])
        #expect(listed(IDXSettings()) == ["classes 10"])
        #expect(listed(CIFAR10Settings()) == [])
        #expect(listed(CSVSettings()) == ["header true"])
        #expect(listed(FunctionSettings()) == ["start [-1.5, 2.0]"])
        #expect(listed(FunctionSettings(function: .quadratic, conditionNumber: 4)) == ["start [2.0, 1.0]", "condition_number 4.0"])
    }

    @Test func filesAreListedAsTheManifestWritesThem() {
        let file = { (path: String) in DataFile(path: path, resolved: "/data/" + path) }
        let idx = IDXSettings(images: file("i.gz"), labels: file("l.gz"), testImages: file("ti.gz"), testLabels: file("tl.gz"), classes: 27)
        #expect(DatasetConfig(idx).settings.map { "\($0.name) \($0.value)" }
            == ["images i.gz", "labels l.gz", "test_images ti.gz", "test_labels tl.gz", "classes 27"])
        let cifar = CIFAR10Settings(files: [file("a.bin"), file("b.bin")], testFiles: [file("t.bin")])
        #expect(DatasetConfig(cifar).settings.map { "\($0.name) \($0.value)" } == ["files [a.bin, b.bin]", "test_files [t.bin]"])
        let csv = CSVSettings(file: file("x.csv"), header: false, target: .values([.index(3), .name("y")]))
        #expect(DatasetConfig(csv).settings.map { "\($0.name) \($0.value)" } == ["path x.csv", "header false", #"targets [3, "y"]"#])
    }

    /// The stored forms, copied from committed config.json files (keys sorted, compact).
    static let stored: [(DatasetConfig, String)] = [
        (DatasetConfig(SpiralsSettings(noise: 0.05)),
         #"{"spirals":{"_0":{"classes":2,"noise":0.05,"samples":1000,"turns":1.5}}}"#),
        (DatasetConfig(MNIST1DSettings()),
         #"{"mnist1d":{"_0":{"correlatedNoiseScale":0.25,"finalLength":40,"iidNoiseScale":0.02,"maxTranslation":48,"#
            + #""padding":[36,60],"samples":5000,"scaleCoefficient":0.4,"shearScale":0.75,"shuffleSequence":false,"#
            + #""templateLength":12,"trainSplit":0.8}}}"#),
        (DatasetConfig(IDXSettings(images: DataFile(path: "data/digits12-train-images-idx3-ubyte.gz", resolved: "data/digits12-train-images-idx3-ubyte.gz"),
                                   labels: DataFile(path: "data/digits12-train-labels-idx1-ubyte.gz", resolved: "data/digits12-train-labels-idx1-ubyte.gz"),
                                   testImages: DataFile(path: "data/digits12-test-images-idx3-ubyte.gz", resolved: "data/digits12-test-images-idx3-ubyte.gz"),
                                   testLabels: DataFile(path: "data/digits12-test-labels-idx1-ubyte.gz", resolved: "data/digits12-test-labels-idx1-ubyte.gz"))),
         #"{"idx":{"_0":{"classes":10,"images":"data/digits12-train-images-idx3-ubyte.gz","#
            + #""labels":"data/digits12-train-labels-idx1-ubyte.gz","testImages":"data/digits12-test-images-idx3-ubyte.gz","#
            + #""testLabels":"data/digits12-test-labels-idx1-ubyte.gz"}}}"#),
        (DatasetConfig(FunctionSettings(function: .rosenbrock)),
         #"{"function":{"_0":{"conditionNumber":10,"function":"rosenbrock","start":[-1.5,2]}}}"#),
    ]

    @Test func committedRunsKeepTheirStoredForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (config, text) in Self.stored {
            #expect(String(decoding: try encoder.encode(config), as: UTF8.self) == text)
            #expect(try JSONDecoder().decode(DatasetConfig.self, from: Data(text.utf8)) == config)
        }
    }

    @Test func anUnknownStoredDatasetIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DatasetConfig.self, from: Data(#"{"rosenbrock":{"_0":{}}}"#.utf8))
        }
    }

    /// Shape, classes and counts, each worked out from the settings by hand.
    @Test func eachKindTellsItsExamplesWithoutLoadingThem() {
        let blobs = DatasetConfig(BlobsSettings(samples: 90, classes: 4, features: 5))
        #expect(blobs.inputShape == [5] && blobs.classes == 4 && blobs.targets == 1 && blobs.sampleCount == 90)
        let spirals = DatasetConfig(SpiralsSettings(samples: -3, classes: 3))
        #expect(spirals.inputShape == [2] && spirals.classes == 3 && spirals.samples == -3 && spirals.sampleCount == 0)
        let linear = DatasetConfig(LinearSettings(features: 3, targets: 2))
        #expect(linear.inputShape == [3] && linear.classes == nil && linear.targets == 2 && linear.isRegression)
        let polynomial = DatasetConfig(PolynomialSettings(degree: 5))
        #expect(polynomial.inputShape == [1] && polynomial.isRegression)
        #expect(DatasetConfig(CirclesSettings()).classes == 2 && !DatasetConfig(XORSettings()).isRegression)
        // 1234 samples: 123 per digit, 1230 in all, 80% of them in the train split.
        let mnist = DatasetConfig(MNIST1DSettings(samples: 1234, finalLength: 24))
        #expect(mnist.inputShape == [24, 1] && mnist.classes == 10 && mnist.sampleCount == 984 && mnist.hasOwnTestSet)
        #expect(MNIST1DSettings.defaultSeed == 42 && MNIST1DSettings.seedLimit?.largest == 4_294_967_295)
        let file = DataFile(path: "a", resolved: "/a")
        let idx = DatasetConfig(IDXSettings(images: file, labels: file, classes: 47))
        #expect(idx.inputShape == nil && idx.classes == 47 && idx.sampleCount == nil && !idx.hasOwnTestSet && idx.valueRange == 0...255)
        #expect(idx.readsFiles && idx.dataFiles == [file, file])
        let cifar = DatasetConfig(CIFAR10Settings(files: [file], testFiles: [file]))
        #expect(cifar.classes == 10 && cifar.hasOwnTestSet && cifar.dataFiles.count == 2)
        let csv = DatasetConfig(CSVSettings(file: file, target: .values([.index(0)])))
        #expect(csv.isRegression && csv.classes == nil && csv.valueRange == nil)
        let function = DatasetConfig(FunctionSettings(function: .saddle))
        #expect(function.name == "saddle" && function.isTestFunction && function.sampleCount == 0 && !function.readsFiles)
    }

    @Test func configsAreEqualAndHashedByKindAndSettings() {
        let a = DatasetConfig(MoonsSettings(samples: 10, noise: 0.1))
        let b = DatasetConfig(XORSettings(samples: 10, noise: 0.1))
        #expect(a == DatasetConfig(MoonsSettings(samples: 10, noise: 0.1)))
        #expect(a != b)
        #expect(Set([a, b, DatasetConfig(MoonsSettings(samples: 10, noise: 0.1))]).count == 2)
    }
}
