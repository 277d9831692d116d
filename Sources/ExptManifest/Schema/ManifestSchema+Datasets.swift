import ExptData

/// The datasets: generated, read from files, and the 2D test functions, with the `data` keys
/// every dataset but a function takes.
extension ManifestSchema {
    public static let datasets = SchemaSection(
        name: "datasets", usage: "data: {dataset: NAME, KEY: VALUE, …}",
        names: DatasetRegistry.kinds.map { schema($0) } + TestFunction.allCases.map(function),
        shared: [everyDataset])

    /// One dataset's entry: its table, with the defaults of `Kind()`.
    private static func schema<Kind: DatasetKind>(_ kind: Kind.Type) -> NameSchema {
        NameSchema(Kind.name, Kind.summary, Kind.settings.map { $0.schema(defaults: Kind()) })
    }

    /// A 2D test function: the optimizer moves one point; `train` takes only `steps`.
    private static func function(_ function: TestFunction) -> NameSchema {
        let start = function.defaultStart
        var settings = [SettingSchema("start", .described("[x, y], two numbers"), .pair(start.x, start.y),
                                      "Where the optimizer starts.")]
        if function == .quadratic {
            settings.append(SettingSchema("condition_number", .number(.atLeastOne), .number(FunctionSettings.defaultConditionNumber),
                                          "κ in ½ (x² + κ y²)."))
        }
        return NameSchema(function.rawValue, "2D test function \(function.formula) (no model; train: {steps: N}).", settings)
    }

    /// `0`, then each dataset's own default seed in parentheses (`42 for NAME`).
    private static var seedDefault: String {
        let own = DatasetRegistry.kinds.filter { $0.defaultSeed != 0 }.map { "\($0.defaultSeed) for \($0.name)" }
        return own.isEmpty ? "0" : "0 (" + own.joined(separator: ", ") + ")"
    }

    private static let everyDataset = NameSchema("(every dataset)", "Keys of data beside dataset (not for a test function).", [
        SettingSchema("validation", .number(.halfOpenUnit), .number(DataConfig.defaultValidation),
                      "Fraction of the examples held out for validation; 0 for no validation set."),
        SettingSchema("test", .number(.halfOpenUnit), .number(DataConfig.defaultTest),
                      "Fraction held out as a test set, measured once on the final model."),
        SettingSchema("normalize", .choice(of: Normalization.self), .described("none"),
                      "Rescale every feature with statistics of the training part."),
        SettingSchema("seed", .described("integer 0 to \(UInt64.max)"),
                      .described(seedDefault), "Seed of the dataset's generation and split."),
        SettingSchema("label_noise", .number(.halfOpenUnit), .number(0),
                      "Fraction of the training labels replaced by another class, drawn uniformly (classification only)."),
        SettingSchema("input_noise", .number(.nonNegative), .number(0),
                      "Standard deviation of Gaussian noise added once to the training features, after normalisation."),
    ])
}
