import ExptConfig
import ExptData
import ExptEngine
import ExptManifest
import ExptStore
import Foundation

extension ExperimentRunner {
    /// Measures and stores the line between the final weights of each pair of
    /// `analysis.interpolate.between` (``PairLandscape``), for every seed whose two runs are stored
    /// complete with their final weights (`runs/<id>/weights/final.npz`); `notice` is told of any
    /// other. A pair and seed already stored is measured again only when one of its runs is in
    /// `trained` (its id) or the file is missing. The loss is that of the first variant's
    /// configuration, on its data, at the α of its interpolation settings.
    func interpolatePairs(_ experiment: Experiment, in folder: ResultsFolder, trained: Set<String>, data: DataCache,
                          notice: (String) -> Void) throws(StoreError) {
        let runs = experiment.runs
        for pair in experiment.interpolationPairs {
            for seed in experiment.seeds {
                guard let a = runs.first(where: { $0.variant == pair.first && $0.seed == seed }),
                      let b = runs.first(where: { $0.variant == pair.second && $0.seed == seed }),
                      let settings = a.config.analysis?.interpolation else { continue }
                let file = "pairs/\(pair.folderName)/seed-\(seed).csv"
                guard trained.contains(a.id) || trained.contains(b.id) || folder.read(file) == nil else { continue }
                switch pairLandscape(pair, seed: seed, a, b, settings: settings, store: folder.runs, data: data) {
                case .success(let points): try folder.save(PairLandscape(pair: pair, seed: seed, points: points))
                case .failure(let skipped): notice("the line \(pair.pathName), seed \(seed) is not measured: \(skipped.reason)")
                }
            }
        }
    }

    private struct Skipped: Error { let reason: String }

    private func pairLandscape(_ pair: VariantPair, seed: UInt64, _ a: RunSpec, _ b: RunSpec, settings: InterpolationSettings,
                               store: RunStore, data cache: DataCache) -> Result<[LandscapePoint], Skipped> {
        Result { () throws(Skipped) in
            let start = try finalWeights(of: a, store: store)
            let end = try finalWeights(of: b, store: store)
            guard start.map(\.name) == end.map(\.name), start.map(\.shape) == end.map(\.shape) else {
                throw Skipped(reason: "the final weights of runs \(a.id) and \(b.id) hold other arrays")
            }
            cache.expect([a])
            defer { cache.release([a]) }
            guard case .success(let splits) = cache.splits(for: a.config.data) else {
                throw Skipped(reason: "the data of run \(a.id) cannot be read")
            }
            let data = TrainingData(splits: splits, loss: a.config.loss)
            let batchSize = data.batchSize(a.config.train.batchSize)
            var generator = SeededGenerator(seed: seed, stream: Executor.Stream.initialization.rawValue)
            let network = Network(inputShape: data.train.featureShape, layers: a.config.model, loss: a.config.loss,
                                  maxBatchSize: batchSize, generator: &generator, context: ComputeContext(threads: a.config.train.threads))
            let batch = BatchBuffers(rows: batchSize, featureCount: data.train.featureCount, form: data.targetForm)
            do {
                return try LossInterpolation(settings: settings).landscape(of: network, between: start, and: end, train: data.train,
                                                                           validation: data.validation, batch: batch)
            } catch {
                throw Skipped(reason: "the final weights of run \(a.id) do not fit its model: \(error)")
            }
        }
    }

    /// The final weights stored for `spec`'s run, when it is stored complete with them.
    private func finalWeights(of spec: RunSpec, store: RunStore) throws(Skipped) -> [NamedArray] {
        guard case .stored(let record, _) = store.load(spec), record.status == .complete else {
            throw Skipped(reason: "run \(spec.id) (\(spec.variant)) is not stored complete")
        }
        let file = store.folder(of: spec) + "/weights/\(SavedWeights.final.rawValue).npz"
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw Skipped(reason: "run \(spec.id) (\(spec.variant)) has no final weights (stored before it was paired: --force trains it again)")
        }
        do {
            return try NumpyArchive.decode([UInt8](bytes), file: file)
        } catch {
            throw Skipped(reason: error.description)
        }
    }
}
