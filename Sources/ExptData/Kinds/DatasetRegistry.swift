/// Every dataset kind, listed once, in the order `expt list`, `expt schema` and the docs show
/// them. A new dataset is its own file and one line here.
public enum DatasetRegistry {
    /// The datasets a manifest names by `dataset: NAME`.
    public static let kinds: [any DatasetKind.Type] = [
        SpiralsSettings.self,
        BlobsSettings.self,
        MoonsSettings.self,
        CirclesSettings.self,
        XORSettings.self,
        LinearSettings.self,
        PolynomialSettings.self,
        MNIST1DSettings.self,
        IDXSettings.self,
        CIFAR10Settings.self,
        CSVSettings.self,
        ModularArithmeticSettings.self,
        SymbolSequenceSettings<CopyTask>.self,
        SymbolSequenceSettings<ReverseTask>.self,
        SymbolSequenceSettings<SortTask>.self,
        ParitySettings.self,
        TextSettings.self,
    ]

    /// Every kind a stored config may hold: the datasets and the 2D test functions, which a
    /// manifest names by the function (`dataset: NAME` of a `TestFunction`).
    public static let stored: [any DatasetKind.Type] = kinds + [FunctionSettings.self]

    /// The kind named `name` in a manifest, if any.
    public static func kind(named name: String) -> (any DatasetKind.Type)? {
        kinds.first { $0.name == name }
    }
}
