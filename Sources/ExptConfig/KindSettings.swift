/// The settings of one kind of thing a manifest can name (an optimizer, a schedule, a layer, a
/// dataset): a value type whose stored properties are the settings, `init()` giving every
/// default, described by a table. The kind families (`OptimizerKind`, `ScheduleKind`, …) refine
/// this protocol with what their kinds make; each family's registry lists its kinds once, and
/// decoding, `expt schema`, `expt list`, the docs and the report read the tables through it.
public protocol KindSettings: Sendable, Equatable, Codable {
    /// The name in manifests and reports, in lower case.
    static var name: String { get }
    /// One line for `expt list` and the docs.
    static var summary: String { get }
    /// Every setting, in the order manifests, `expt list` and reports show them.
    static var settings: [Hyperparameter<Self>] { get }
    /// The key the stored config holds the settings under (a stored form may predate the kind:
    /// `inverseTime` for `inverse_time`); by default `name`.
    static var storedName: String { get }
    /// How the stored config holds the settings under that key; by default `.wrapped`.
    static var storedForm: StoredForm { get }
    /// Every setting at its default (nil for one a manifest must give).
    init()
    /// A rule the values must follow across settings (Nesterov momentum needs momentum), or
    /// nil when the values are fine.
    func conflict() -> HyperparameterConflict?
}

extension KindSettings {
    public static var storedName: String { name }
    public static var storedForm: StoredForm { .wrapped }

    public func conflict() -> HyperparameterConflict? { nil }

    /// Every setting by its report name, in the table's order, formatted for reports (a pair
    /// such as `betas` as two entries, `beta1` and `beta2`; a setting left unset is left out).
    public var listed: [(name: String, value: String)] {
        Self.settings.flatMap { $0.listed(in: self) }
    }

    /// Whether `other` is this kind with the same values.
    public func isEqual(to other: any KindSettings) -> Bool {
        (other as? Self) == self
    }
}
