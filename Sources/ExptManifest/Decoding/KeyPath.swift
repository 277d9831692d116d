/// Where a value is written in a manifest: `variants.adam.optimizer.lr`, `model[1].dense`.
struct KeyPath: Hashable, CustomStringConvertible {
    enum Component: Hashable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    static let root = KeyPath()

    func appending(_ key: String) -> KeyPath {
        KeyPath(components: components + [.key(key)])
    }

    func appending(index: Int) -> KeyPath {
        KeyPath(components: components + [.index(index)])
    }

    /// The variant whose overrides hold this path, if it is written under `variants`.
    var variant: String? {
        guard components.count >= 2, components[0] == .key("variants"), case .key(let name) = components[1] else { return nil }
        return name
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
