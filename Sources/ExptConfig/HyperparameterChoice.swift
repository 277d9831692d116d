/// A hyperparameter that is one of a set of names (`anneal_strategy: cos | linear`), held in
/// the settings type as a `String`-backed enum.
public struct HyperparameterChoice<Settings> {
    /// The names, in the enum's order.
    public let names: [String]
    /// The default in words when it depends on other settings (`mode`: the metric's goal); nil
    /// when it is the value in `init()`.
    public let describedDefault: String?
    /// What an error calls a value (`initializer` for `init`); nil for the key itself.
    public let noun: String?
    /// Other names a manifest may write, each with the name it means (`glorot` for `xavier`).
    public let aliases: [(alias: String, name: String)]
    /// The current value's name.
    public let name: (Settings) -> String
    /// Sets the value named `name`, one of `names`.
    public let set: (inout Settings, String) -> Void

    /// The choice of `Value`'s cases, stored at `path`.
    public static func of<Value: RawRepresentable & CaseIterable>(_ path: WritableKeyPath<Settings, Value>,
                                                                  describedDefault: String? = nil, noun: String? = nil,
                                                                  aliases: [(alias: String, value: Value)] = []) -> Self
        where Value.RawValue == String {
        Self(names: Value.allCases.map(\.rawValue), describedDefault: describedDefault, noun: noun,
             aliases: aliases.map { ($0.alias, $0.value.rawValue) },
             name: { $0[keyPath: path].rawValue },
             set: { settings, name in
                 if let value = Value(rawValue: name) { settings[keyPath: path] = value }
             })
    }
}
