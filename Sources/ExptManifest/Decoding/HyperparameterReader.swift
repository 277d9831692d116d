import ExptConfig
import ExptData
import ExptOptim

/// Reads an optimizer's, a schedule's, a generated dataset's or a layer's mapping through its
/// kind's settings table, each value with the table's range over the kind's defaults; every value
/// reports its own errors, a missing required one included, and a value that does not fit gives
/// nil. (A layer's first row comes from its kind key: `ManifestDecoder+Model.swift` reads it with
/// `read(_:from:into:)`.)
struct HyperparameterReader {
    let fields: ManifestDecoder.Fields
    let decoder: ManifestDecoder

    /// `Kind` with the mapping's values over its defaults, or nil after reporting each bad value.
    func read<Kind: OptimizerKind>(_ kind: Kind.Type) -> Kind? {
        read(Kind.settings, over: Kind())
    }

    /// `Kind` with the mapping's values over its defaults and the defaults that depend on them
    /// resolved, or nil after reporting each bad or missing value.
    func read<Kind: ScheduleKind>(_ kind: Kind.Type) -> Kind? {
        let given = Set(Kind.settings.map(\.key).filter { fields.optional($0) != nil })
        return read(Kind.settings, over: Kind())?.resolved(givenKeys: given)
    }

    /// `Kind` with the mapping's values over its defaults, or nil after reporting each bad value.
    func read<Kind: DatasetKind>(_ kind: Kind.Type) -> Kind? {
        read(Kind.settings, over: Kind())
    }

    func read<Settings>(_ table: [Hyperparameter<Settings>], over defaults: Settings) -> Settings? {
        var settings = defaults
        var valid = true
        for setting in table {
            let required = setting.value.isRequired
            guard let tree = required ? fields.required(setting.key) : fields.optional(setting.key) else {
                if required { valid = false }
                continue
            }
            if !read(setting, from: tree, into: &settings) { valid = false }
        }
        return valid ? settings : nil
    }

    /// Reads a setting's value from `tree`; false after reporting a bad one.
    func read<Settings>(_ setting: Hyperparameter<Settings>, from tree: Tree, into settings: inout Settings) -> Bool {
        switch setting.value {
        case .number(let path, let range):
            guard let value = decoder.number(tree, range.numberRange) else { return false }
            settings[keyPath: path] = value
        case .flag(let path):
            guard let value = decoder.bool(tree) else { return false }
            settings[keyPath: path] = value
        case .pair(let first, let second, _):
            guard let (a, b) = decoder.betas(tree) else { return false }
            settings[keyPath: first] = a
            settings[keyPath: second] = b
        case .integer(let path, let range):
            guard let value = decoder.integer(tree, range) else { return false }
            settings[keyPath: path] = value
        case .runLength(let path):
            guard let value = decoder.integer(tree, ScheduleInterval.tickRange) else { return false }
            settings[keyPath: path] = value
        case .choice(let choice):
            let noun = choice.noun ?? setting.key
            let article = noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let names = choice.names.map { ($0, $0) } + choice.aliases.map { ($0.alias, $0.name) }
            guard let name = decoder.choice(tree, noun, article: article, names) else { return false }
            choice.set(&settings, name)
        case .requiredNumber(let path, let range):
            guard let value = decoder.number(tree, range.numberRange) else { return false }
            settings[keyPath: path] = value
        case .requiredInteger(let path, let range):
            guard let value = decoder.integer(tree, range) else { return false }
            settings[keyPath: path] = value
        case .milestones(let path):
            guard let value = decoder.milestones(tree) else { return false }
            settings[keyPath: path] = value
        case .integerRange(let path, let range):
            guard let value = decoder.integerRange(tree, range) else { return false }
            settings[keyPath: path] = value
        case .described:
            // Read by the family's own decoder (`DatasetFilesDecoder`), never through a table.
            return false
        }
        return true
    }
}
