import ExptYAML

/// A JSON value whose objects keep their keys in the order written, so that a generated
/// document prints the same every time and reads in a sensible order. Literals build it
/// (`["type": "integer", "minimum": 1]`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// The members in order; a key appears at most once.
    case object([Member])

    /// One key and its value in an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    /// The value of `key` in an object; nil for other values. Setting a key an object has
    /// replaces its value in place; a new key goes last.
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.key == key }?.value
        }
        set {
            guard case .object(var members) = self else { return }
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
            self = .object(members)
        }
    }

    /// The members of an object, or nil.
    public var members: [Member]? {
        if case .object(let members) = self { members } else { nil }
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { Member(key: $0.0, value: $0.1) })
    }

    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// A YAML node as JSON, its scalars typed by the core schema as the manifest decoder types
    /// them: mapping keys by their text, integers too large for `Int` (and floats) as numbers.
    public init(yaml node: Node) {
        switch node.kind {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .bigInt, .float: self = .number(scalar.value.number ?? .nan)
            case .string(let text): self = .string(text)
            }
        case .sequence(let items):
            self = .array(items.map(JSONValue.init(yaml:)))
        case .mapping(let pairs):
            self = .object(pairs.map { Member(key: $0.key.scalar?.text ?? "", value: JSONValue(yaml: $0.value)) })
        }
    }

    /// The value of a YAML text (a setting's default, `[0.9, 0.999]`), or nil if it is not YAML.
    init?(yamlText text: String) {
        guard let node = try? YAML.parse(text, path: "default") else { return nil }
        self.init(yaml: node)
    }
}

extension JSONValue {
    /// The value as JSON text, indented by two spaces, with a line per member and per item
    /// (empty arrays and objects, and arrays of scalars, on one line).
    public var prettyPrinted: String {
        var text = ""
        write(to: &text, indent: "")
        return text
    }

    private func write(to text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .int(let value): text += "\(value)"
        case .number(let value): text += YAMLText.number(value)
        case .string(let value): text += Self.quoted(value)
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                text += "[" + items.map(\.prettyPrinted).joined(separator: ", ") + "]"
                return
            }
            let inner = indent + "  "
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                item.write(to: &text, indent: inner)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            if members.isEmpty {
                text += "{}"
                return
            }
            let inner = indent + "  "
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += inner + Self.quoted(member.key) + ": "
                member.value.write(to: &text, indent: inner)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
