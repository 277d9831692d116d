import ExptOptim

/// Reads an optimizer mapping's hyperparameters through its kind's settings table, each with
/// the table's range and the default of `Kind()`; every value reports its own errors, and a
/// value that does not fit gives nil.
struct HyperparameterReader {
    let fields: ManifestDecoder.Fields
    let decoder: ManifestDecoder

    /// `Kind` with the mapping's values over its defaults, or nil after reporting each bad value.
    func read<Kind: OptimizerKind>(_ kind: Kind.Type) -> Kind? {
        var settings = Kind()
        var valid = true
        for setting in Kind.settings {
            guard let tree = fields.optional(setting.key) else { continue }
            switch setting.value {
            case .number(let path, let range):
                if let value = decoder.number(tree, range.numberRange) { settings[keyPath: path] = value } else { valid = false }
            case .flag(let path):
                if let value = decoder.bool(tree) { settings[keyPath: path] = value } else { valid = false }
            case .pair(let first, let second, _):
                if let (a, b) = decoder.betas(tree) {
                    settings[keyPath: first] = a
                    settings[keyPath: second] = b
                } else { valid = false }
            }
        }
        return valid ? settings : nil
    }
}
