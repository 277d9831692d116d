import ExptManifest

/// The loss along the line θ(α) = (1 − α) θ_a + α θ_b between the final weights θ_a, θ_b of two
/// variants' runs with the same seed (`analysis.interpolate.between`), at the α of the
/// interpolation settings. Stored in the results folder as `pairs/<a>+<b>/seed-<s>.csv`, the
/// columns `alpha,train_loss,val_loss` of ``LandscapePoint``.
public struct PairLandscape: Sendable, Equatable {
    public var pair: VariantPair
    public var seed: UInt64
    public var points: [LandscapePoint]

    public init(pair: VariantPair, seed: UInt64, points: [LandscapePoint]) {
        self.pair = pair
        self.seed = seed
        self.points = points
    }

    /// The file in the results folder, `pairs/<a>+<b>/seed-<s>.csv`.
    public var file: String { Self.file(pair, seed: seed) }

    static func file(_ pair: VariantPair, seed: UInt64) -> String { "pairs/\(pair.folderName)/seed-\(seed).csv" }

    /// The barrier of the training loss between the two solutions,
    /// max over α ∈ [0, 1] of L(α) − max(L(0), L(1)) over the points in [0, 1]: 0 when no point
    /// between the ends is above the higher end. Nil when the points do not include α = 0 and α = 1,
    /// or a loss there is not finite.
    public var barrier: Double? {
        guard let start = points.first(where: { $0.alpha == 0 })?.trainLoss, let end = points.first(where: { $0.alpha == 1 })?.trainLoss,
              start.isFinite, end.isFinite else { return nil }
        let highest = points.filter { (0...1).contains($0.alpha) }.map(\.trainLoss).max() ?? -.infinity
        return highest.isNaN ? nil : highest - max(start, end)
    }
}

extension ResultsFolder {
    /// Stores `landscape` as its file, atomically.
    public func save(_ landscape: PairLandscape) throws(StoreError) {
        let text: String
        do { text = try FlatTable.csv(landscape.points) } catch {
            throw StoreError("cannot encode the landscape of \(landscape.pair.pathName), seed \(landscape.seed): \(error)")
        }
        try StoreFile.makeDirectory(file("pairs/\(landscape.pair.folderName)"))
        try write(text, to: landscape.file)
    }

    /// The stored lines of `experiment`'s pairs, pair by pair in the manifest's order, then seed by
    /// seed; a pair and seed without a readable file has none.
    public func pairLandscapes(for experiment: Experiment) -> [PairLandscape] {
        experiment.interpolationPairs.flatMap { pair in
            experiment.seeds.compactMap { seed in
                guard let text = read(PairLandscape.file(pair, seed: seed)),
                      let points = try? FlatTable.rows(LandscapePoint.self, from: text), !points.isEmpty else { return nil }
                return PairLandscape(pair: pair, seed: seed, points: points)
            }
        }
    }
}
