import ExptManifest

extension Array where Element == RunSpec {
    /// The runs in the order to train them: those with the same data settings one after
    /// another, the groups in the order of their first run and each group's runs in their
    /// order here (so with a single data setting, exactly this order).
    ///
    /// Trained in this order, each data setting is needed by one stretch of runs, so the
    /// ``DataCache`` drops it when that stretch ends and never holds more settings than runs
    /// train at once; in manifest order, a variant that sweeps `data.seed` before another
    /// variant sweeps it again would keep every point's data until the last variant.
    func groupedByData() -> [RunSpec] {
        var groups: [DataConfig: [RunSpec]] = [:]
        var firstSeen: [DataConfig] = []
        for spec in self {
            let config = spec.config.data
            if groups[config] == nil { firstSeen.append(config) }
            groups[config, default: []].append(spec)
        }
        return firstSeen.flatMap { groups[$0] ?? [] }
    }
}
