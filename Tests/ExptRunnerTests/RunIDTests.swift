import ExptManifest
import ExptOptim
import ExptTestSupport
import Foundation
import Testing

@testable import ExptStore

/// Run ids pinned to values computed outside expt: the SHA-256 of `expt numerics N` and the
/// canonical text written out below (`python3 -c 'import hashlib; print(hashlib.sha256(b"expt
/// numerics 3\n" + open("sample.json", "rb").read()).hexdigest()[:16])'`), and the run folder
/// names of the committed results, which are the same hash of their stored `config.json`.
@Suite struct RunIDTests {
    /// `sampleSpec()`'s canonical text, written out key by key with every default resolved.
    static let sampleCanonicalJSON = """
        {
          "config" : {
            "data" : {
              "dataset" : {
                "spirals" : {
                  "_0" : {
                    "classes" : 2,
                    "noise" : 0.1,
                    "samples" : 60,
                    "turns" : 1.5
                  }
                }
              },
              "seed" : 0,
              "test" : 0,
              "validation" : 0.2
            },
            "loss" : "cross_entropy",
            "model" : [
              {
                "dense" : {
                  "_0" : {
                    "activation" : "relu",
                    "initializer" : "he",
                    "leakySlope" : 0.01,
                    "units" : 8
                  }
                }
              },
              {
                "dense" : {
                  "_0" : {
                    "activation" : "identity",
                    "initializer" : "xavier",
                    "leakySlope" : 0.01,
                    "units" : 2
                  }
                }
              }
            ],
            "optimizer" : {
              "sgd" : {
                "_0" : {
                  "dampening" : 0,
                  "lr" : 0.1,
                  "momentum" : 0,
                  "nesterov" : false,
                  "weightDecay" : 0
                }
              }
            },
            "parameterGroups" : [

            ],
            "train" : {
              "batchSize" : {
                "size" : {
                  "_0" : 16
                }
              },
              "epochs" : 3,
              "recordEvery" : 1,
              "threads" : 1
            }
          },
          "seed" : 0,
          "sweep" : [

          ],
          "variant" : "sgd"
        }

        """

    @Test func theCanonicalTextIsWrittenOutWithSortedKeysAndEveryResolvedSetting() {
        #expect(sampleSpec().canonicalJSON() == Self.sampleCanonicalJSON)
    }

    @Test func theIdIsTheHashOfTheNumericsVersionAndTheCanonicalText() {
        #expect(sampleSpec().id == "22ea4a7c6f6bdc51")
        #expect(sampleSpec().id(numericsVersion: 3) == "22ea4a7c6f6bdc51")
    }

    @Test func anotherNumericsVersionGivesAnotherId() {
        #expect(NumericsVersion.current == 3)
        #expect(sampleSpec().id(numericsVersion: 4) == "27c05d8a29d1b557")
    }

    /// The committed results folders name each run by its id: the shipped manifests
    /// (`experiments/NAME.yaml`) still give exactly those ids, so every stored run is reused.
    @Test(arguments: [
        ("adam-vs-sgd", [
            "02757f7447eab5f2", "2243642015bb0867", "325fef3c43ba66f1", "8387ca6ab2a7d899", "a5b1d8db678292c1", "caa97cdb45add074",
            "cc850776e7c221ea", "e440faeb181b0555", "e86e9e272f1448cb", "ee7a3283beccb342", "fd651e3bee7d7381", "fefc198ecf1cd9f3",
        ]),
        ("mnist1d-architectures", [
            "014302db3610840f", "1426f8a53be855f7", "1a8eecdca499c089", "1be78af1b8afd6d1", "1ded853eb009651c", "1e683265a31f405a",
            "1ff8d34021692d18", "2799b0bcccea7da6", "2e3da22a06829616", "3a29e9b1ba768b84", "528ef32a8e2fac1f", "5daa51d0704aaf87",
            "773f3becbb2c16c4", "7aeab690f0eabba0", "81c38e943c6fe53b", "91b502812326c5d4", "a31e49ab2a4a74c6", "ad4c48675298ef8c",
            "b23e799e917b2d04", "c0d226223b2e22e7", "d65bb3ae08e34a1b", "d873983392e4fcb0", "ee03db997139c406", "fa5c32e3c89cf1b1",
        ]),
        ("optimizers-cnn", [
            "03b552b599d04529", "252d6f659e7414c1", "29ea1d7ee2fee552", "52efd290b9161f3b", "6148d51fe1b69732", "87b3d0b1fba7e92a",
            "92268884413aefc4", "c756623d4c15d662", "e44145a6d26c300f",
        ]),
        ("optimizers-on-rosenbrock", [
            "1db23e413bae9087", "2c3ef6762ccff097", "309b3cdf2ca6bf04", "4b912d5cb19f931c", "4e6a8aba05a91afa", "7dca65493b013944",
            "959af64afe00eec9", "a16759904ab02991", "a4dd9f39198a6c1a", "d584cbafb4744be2", "da154c95d5fcc9d8", "de837270cd670167",
            "ee09b2721adf0f49",
        ]),
    ])
    func theCommittedResultsKeepTheirIds(experiment: String, ids: [String]) throws {
        let manifest = FixtureFile.repository.appendingPathComponent("experiments/\(experiment).yaml").path
        let runs = try ManifestLoader.load(path: manifest).runs
        #expect(runs.map(\.id).sorted() == ids)
    }

    @Test func statingADefaultKeepsTheId() {
        var spelledOut = sampleSpec()
        spelledOut.config.optimizer = .sgd(SGDHyperparameters(lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0))
        #expect(spelledOut.id == "22ea4a7c6f6bdc51")
    }

    @Test(arguments: [
        ("variant", sampleSpec(variant: "other")),
        ("seed", sampleSpec(seed: 1)),
        ("learning rate", sampleSpec(lr: 0.10000000000000002)),
    ])
    func anyChangedSettingGivesAnotherId(change: String, spec: RunSpec) {
        #expect(spec.id != "22ea4a7c6f6bdc51", "changing the \(change) kept the id")
    }

    @Test func everyFieldOfTheConfigChangesTheId() {
        var threads = sampleSpec()
        threads.config.train.threads = 2
        var epochs = sampleSpec()
        epochs.config.train.epochs = 4
        var dataSeed = sampleSpec()
        dataSeed.config.data.seed = 1
        var loss = sampleSpec()
        loss.config.loss = .meanSquaredError
        let ids = Set([sampleSpec(), threads, epochs, dataSeed, loss].map(\.id))
        #expect(ids.count == 5)
    }
}
