/// Where a value is written in a manifest: `variants.adam.optimizer.lr`, `model[1].activation`.
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
                text += key.escapingControlCharacters()
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}

extension KeyPath {
    /// Parses a key path as written on the command line and in sweeps: names separated by `.`,
    /// each optionally followed by `[index]` (`variants.adam.optimizer.lr`, `model[0].activation`).
    /// Nil when the text is not of that form. A name cannot itself contain `.`, `[`, `]` or `=`.
    init?(parsing text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            let open = part.firstIndex(of: "[") ?? part.endIndex
            let name = part[..<open]
            guard !name.isEmpty, !name.contains("]"), !name.contains("=") else { return nil }
            components.append(.key(String(name)))
            var rest = part[open...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
                else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        self.components = components
    }
}
