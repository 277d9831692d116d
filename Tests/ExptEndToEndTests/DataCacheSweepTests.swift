import ExptManifest
import Testing

@testable import ExptRunner

/// A sweep over data settings: preloading reads the data of every sweep point, once each.
@Suite struct DataCacheSweepTests {
    @Test func preloadCoversEverySweptDataSetting() throws {
        let experiment = try ManifestLoader.decode(text: """
            name: sweepdata
            seeds: [0, 1]
            data: {dataset: spirals, samples: 100}
            model:
              - {dense: 8, activation: relu}
              - {dense: 2}
            train: {epochs: 2, batch_size: 16}
            variants:
              sgd:
                optimizer: {name: sgd, lr: 0.1}
                sweep:
                  grid: {data.noise: [0.0, 0.1, 0.2]}
            """, path: "x.yaml")
        let cache = DataCache()
        try cache.preload(experiment)
        // Three noise levels, each shared by both seeds.
        #expect(cache.loads == 3)
        for spec in experiment.runs { _ = cache.splits(for: spec.config.data) }
        #expect(cache.loads == 3)
    }
}
