import ExptManifest
import ExptStore

/// The hyperparameters the HPARAMS tab compares the runs by: one column per setting, its value
/// for each run.
///
/// Always: `variant`, `seed`, each swept setting by its key path (`optimizer.lr`, as in
/// summary.csv), `optimizer` and `lr`. Then, when two declared runs that have the setting give
/// it different values: the optimizer's other hyperparameters (`momentum`, `beta1`, …, as
/// summary.csv names them; a run whose optimizer has none by that name has no value), `batch_size`,
/// `epochs`, `data`, `model`, `loss`, `schedule`, `clip` and `param_groups` (as the report's Setup
/// section describes them; `none` when a run has no schedule, say). A name is used once, by its
/// first column.
///
/// A column is numbers when every value it has reads as a finite number (`0.001`, `32`), bools
/// when every one is `true` or `false`, strings otherwise (`variant` and `optimizer` always).
struct HParamTable {
    enum Kind {
        case number, flag, text
    }

    struct Column {
        let name: String
        let kind: Kind
        /// The value's text for each declared run, in order; nil for a run without the setting.
        let texts: [String?]

        func value(_ text: String) -> HParamValue {
            switch kind {
            case .number: .number(Double(text) ?? 0)
            case .flag: .flag(text == "true")
            case .text: .text(text)
            }
        }
    }

    let columns: [Column]
    /// The position of each declared run by its id.
    let positions: [String: Int]

    /// The columns for the declared `runs`; `trainingCount` gives a full batch's examples.
    init(runs: [RunSpec], trainingCount: @escaping (DataConfig) -> Int?) {
        let keys = RunKeyColumns(records: [], trainingCount: trainingCount)
        var seen: Set<String> = []
        let swept = runs.flatMap { $0.sweep.map(\.keyPath) }.filter { seen.insert($0).inserted }
        let hyperparameterNames = SummaryTable.unionOfNames(runs.map { $0.config.optimizer.hyperparameters }).filter { $0 != "lr" }
        func setup(_ spec: RunSpec) -> RunSetup {
            RunSetup(config: spec.config, trainingCount: trainingCount(spec.config.data))
        }
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        func orNone(_ text: String) -> String { text.isEmpty ? "none" : text }
        let always: [(String, (RunSpec) -> String?)] = [
            ("variant", { $0.variant }),
            ("seed", { "\($0.seed)" }),
        ] + swept.map { keyPath in (keyPath, { spec in spec.sweep.first { $0.keyPath == keyPath }?.value }) } + [
            ("optimizer", { $0.config.optimizer.label }),
            ("lr", { "\($0.config.optimizer.learningRate)" }),
        ]
        let whenVaried: [(String, (RunSpec) -> String?)] = hyperparameterNames.map { name in
            (name, { spec in spec.config.optimizer.hyperparameters.first { $0.name == name }?.value })
        } + [
            ("batch_size", { nonEmpty(keys.batchSize($0.config)) }),
            ("epochs", { "\($0.config.train.epochs)" }),
            ("data", { setup($0).data }),
            ("model", { setup($0).model }),
            ("loss", { setup($0).isFunction ? nil : $0.config.loss.rawValue }),
            ("schedule", { $0.config.schedule?.description ?? "none" }),
            ("clip", { orNone(SummaryTable.clipText($0.config)) }),
            ("param_groups", { orNone($0.config.parameterGroups.map(\.description).joined(separator: "; ")) }),
        ]
        var names: Set<String> = []
        var columns: [Column] = []
        for (index, (name, text)) in (always + whenVaried).enumerated() where !names.contains(name) {
            let texts = runs.map(text)
            guard index < always.count || Set(texts.compactMap { $0 }).count > 1 else { continue }
            names.insert(name)
            let kind = name == "variant" || name == "optimizer" ? .text : Self.kind(of: texts.compactMap { $0 })
            columns.append(Column(name: name, kind: kind, texts: texts))
        }
        self.columns = columns
        positions = Dictionary(runs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func kind(of texts: [String]) -> Kind {
        if texts.allSatisfy({ Double($0)?.isFinite == true }) { return .number }
        if texts.allSatisfy({ $0 == "true" || $0 == "false" }) { return .flag }
        return .text
    }

    /// The hyperparameters of `spec` by name, for its session start; none for a run not declared.
    func hparams(of spec: RunSpec) -> [String: HParamValue] {
        guard let position = positions[spec.id] else { return [:] }
        var hparams: [String: HParamValue] = [:]
        for column in columns {
            if let text = column.texts[position] { hparams[column.name] = column.value(text) }
        }
        return hparams
    }

    /// The columns as the experiment describes them, in order: numbers by the interval from their
    /// least to their greatest value, strings and bools by their values in order of first appearance.
    var infos: [HParamsExperiment.HParam] {
        columns.map { column in
            var seen: Set<HParamValue> = []
            let values = column.texts.compactMap { $0.map(column.value) }.filter { seen.insert($0).inserted }
            switch column.kind {
            case .number:
                let numbers = values.compactMap { if case .number(let number) = $0 { number } else { nil } }
                return .init(name: column.name, domain: .interval(min: numbers.min() ?? 0, max: numbers.max() ?? 0))
            case .flag, .text:
                return .init(name: column.name, domain: .discrete(values))
            }
        }
    }
}
