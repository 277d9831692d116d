extension DatasetConfig {
    /// Whether `load(seed:)` reads files (IDX, CIFAR-10, CSV), which may turn out truncated or
    /// corrupt when read in full; generated datasets cannot fail to load.
    public var readsFiles: Bool {
        switch self {
        case .idx, .cifar10, .csv: true
        case .spirals, .blobs, .moons, .circles, .xor, .linear, .polynomial, .mnist1d, .function: false
        }
    }
}
