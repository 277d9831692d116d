import ExptManifest
import ExptStore

/// The optional columns of summary.csv for schedules, clipping, parameter groups and gradient
/// norms. Each appears only when some run of the experiment has it, so that experiments without
/// them keep their columns.
extension SummaryTable {
    /// A column: its header and its cell for one run.
    struct OptionalColumn {
        let name: String
        let cell: (RunOutcome) -> String
    }

    /// `schedule`, `clip` and `param_groups` as text (groups separated by `; `), for those some run sets.
    func settingColumns() -> [OptionalColumn] {
        let configs = outcomes.map(\.record.spec.config)
        var columns: [OptionalColumn] = []
        if configs.contains(where: { $0.schedule != nil }) {
            columns.append(OptionalColumn(name: "schedule") { $0.record.spec.config.schedule?.description ?? "" })
        }
        if configs.contains(where: { $0.clipping != nil }) {
            columns.append(OptionalColumn(name: "clip") { Self.clipText($0.record.spec.config) })
        }
        if configs.contains(where: { !$0.parameterGroups.isEmpty }) {
            columns.append(OptionalColumn(name: "param_groups") {
                $0.record.spec.config.parameterGroups.map(\.description).joined(separator: "; ")
            })
        }
        return columns
    }

    /// `max_grad_norm`, the largest gradient norm (before clipping) over a run's epochs, when
    /// recorded; `sharpness`, the last epoch's λ_max, when some run measured it.
    func normColumns() -> [OptionalColumn] {
        var columns: [OptionalColumn] = []
        if outcomes.contains(where: { $0.record.epochs.contains { $0.gradientNormMax != nil } }) {
            columns.append(OptionalColumn(name: "max_grad_norm") { CSV.number($0.record.epochs.compactMap(\.gradientNormMax).max()) })
        }
        if outcomes.contains(where: { $0.record.epochs.last?.sharpness != nil }) {
            columns.append(OptionalColumn(name: "sharpness") { CSV.number($0.record.epochs.last?.sharpness) })
        }
        return columns
    }

    /// The run's gradient clipping as `norm 1.0, value 0.5`; empty when it clips nothing.
    static func clipText(_ config: RunConfig) -> String {
        guard let clipping = config.clipping else { return "" }
        return [clipping.maxNorm.map { "norm \($0)" }, clipping.maxValue.map { "value \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}
