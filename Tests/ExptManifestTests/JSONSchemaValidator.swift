import Foundation
@testable import ExptManifest

/// A validator for the subset of JSON Schema 2020-12 that ``ManifestJSONSchema`` uses, written
/// from the specification's definitions of its keywords: `type`, `properties`, `required`,
/// `additionalProperties`, `propertyNames`, `minProperties`, `enum`, `const`, `oneOf`, `anyOf`,
/// `items`, `minItems`, `maxItems`, `uniqueItems`, `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `minLength`, `pattern` and local `$ref`s (`#/$defs/NAME`). A keyword
/// outside the subset is an error rather than ignored, so the schema cannot say more than the
/// tests check.
struct JSONSchemaValidator {
    let root: JSONValue

    /// A value that does not fit, at a key path written as in the manifest (`train.epochs`).
    struct Failure: Equatable, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path.isEmpty ? "(top level)" : path): \(message)" }
    }

    struct UnsupportedSchema: Error, CustomStringConvertible {
        var description: String
    }

    private static let annotations: Set<String> = ["$schema", "$defs", "title", "description", "default"]

    /// Every failure of `instance`, in the order of the schema's keywords; none when it fits.
    func validate(_ instance: JSONValue) throws -> [Failure] {
        try check(instance, root, at: "")
    }

    private func check(_ instance: JSONValue, _ schema: JSONValue, at path: String) throws -> [Failure] {
        guard let keywords = schema.members else { throw UnsupportedSchema(description: "\(path): a schema that is not an object") }
        var failures: [Failure] = []
        func fail(_ message: String) { failures.append(Failure(path: path, message: message)) }
        for keyword in keywords {
            let value = keyword.value
            switch keyword.key {
            case _ where Self.annotations.contains(keyword.key):
                continue
            case "$ref":
                failures += try check(instance, resolve(value), at: path)
            case "type":
                let types: [JSONValue] = if case .array(let list) = value { list } else { [value] }
                if !types.contains(where: { Self.has(instance, type: $0) }) {
                    let names = types.compactMap { if case .string(let name) = $0 { name } else { nil } }
                    fail("expected \(names.joined(separator: " or ")), found \(Self.typeName(instance))")
                }
            case "enum":
                guard case .array(let options) = value else { throw UnsupportedSchema(description: "enum of \(value)") }
                if !options.contains(where: { Self.equal($0, instance) }) {
                    fail("expected one of \(options.map(Self.text).joined(separator: ", ")), found \(Self.text(instance))")
                }
            case "const":
                if !Self.equal(value, instance) { fail("expected \(Self.text(value)), found \(Self.text(instance))") }
            case "oneOf", "anyOf":
                guard case .array(let options) = value else { throw UnsupportedSchema(description: "\(keyword.key) of \(value)") }
                let matches = try options.filter { try check(instance, $0, at: path).isEmpty }.count
                if keyword.key == "oneOf" && matches != 1 || keyword.key == "anyOf" && matches == 0 {
                    fail("matches \(matches) of the \(options.count) alternatives of \(keyword.key)")
                }
            case "properties", "additionalProperties", "required", "propertyNames", "minProperties":
                failures += try checkObject(instance, keyword, schema, at: path)
            case "items", "minItems", "maxItems", "uniqueItems":
                failures += try checkArray(instance, keyword, at: path)
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                guard let number = Self.number(instance), let bound = Self.number(value) else { continue }
                let holds = switch keyword.key {
                case "minimum": number >= bound
                case "maximum": number <= bound
                case "exclusiveMinimum": number > bound
                default: number < bound
                }
                if !holds { fail("expected \(keyword.key) \(Self.text(value)), found \(Self.text(instance))") }
            case "minLength":
                if case .string(let text) = instance, case .int(let length) = value, text.unicodeScalars.count < length {
                    fail("expected at least \(length) characters, found \(text.unicodeScalars.count)")
                }
            case "pattern":
                if case .string(let text) = instance, case .string(let pattern) = value, !(try Self.matches(text, pattern)) {
                    fail("expected a match of \(pattern), found \(Self.text(instance))")
                }
            default:
                throw UnsupportedSchema(description: "\(path): the keyword \(keyword.key) is outside the validator's subset")
            }
        }
        return failures
    }

    private func checkObject(_ instance: JSONValue, _ keyword: JSONValue.Member, _ schema: JSONValue, at path: String) throws -> [Failure] {
        guard let members = instance.members else { return [] }
        var failures: [Failure] = []
        switch (keyword.key, keyword.value) {
        case ("properties", .object(let properties)):
            for member in members {
                if let property = properties.first(where: { $0.key == member.key }) {
                    failures += try check(member.value, property.value, at: Self.join(path, member.key))
                }
            }
        case ("additionalProperties", let additional):
            let declared = schema["properties"]?.members?.map(\.key) ?? []
            for member in members where !declared.contains(member.key) {
                if additional == .bool(false) {
                    failures.append(Failure(path: path, message: "unknown key \"\(member.key)\""))
                } else if additional != .bool(true) {
                    failures += try check(member.value, additional, at: Self.join(path, member.key))
                }
            }
        case ("required", .array(let keys)):
            for case .string(let key) in keys where !members.contains(where: { $0.key == key }) {
                failures.append(Failure(path: path, message: "missing required key \"\(key)\""))
            }
        case ("propertyNames", let names):
            for member in members {
                let problems = try check(.string(member.key), names, at: Self.join(path, member.key))
                failures += problems.map { Failure(path: $0.path, message: "key name: " + $0.message) }
            }
        case ("minProperties", .int(let count)):
            if members.count < count { failures.append(Failure(path: path, message: "expected at least \(count) key\(count == 1 ? "" : "s"), found \(members.count)")) }
        default:
            throw UnsupportedSchema(description: "\(path): \(keyword.key) of \(keyword.value)")
        }
        return failures
    }

    private func checkArray(_ instance: JSONValue, _ keyword: JSONValue.Member, at path: String) throws -> [Failure] {
        guard case .array(let items) = instance else { return [] }
        switch (keyword.key, keyword.value) {
        case ("items", let schema):
            return try items.enumerated().flatMap { index, item in try check(item, schema, at: "\(path)[\(index)]") }
        case ("minItems", .int(let count)) where items.count < count,
             ("maxItems", .int(let count)) where items.count > count:
            return [Failure(path: path, message: "expected \(keyword.key) \(count), found \(items.count) items")]
        case ("uniqueItems", .bool(true)):
            for (index, item) in items.enumerated() where items[..<index].contains(where: { Self.equal($0, item) }) {
                return [Failure(path: path, message: "expected distinct items, found \(Self.text(item)) twice")]
            }
            return []
        case ("minItems", .int), ("maxItems", .int):
            return []
        default:
            throw UnsupportedSchema(description: "\(path): \(keyword.key) of \(keyword.value)")
        }
    }

    private func resolve(_ reference: JSONValue) throws -> JSONValue {
        guard case .string(let text) = reference, text.hasPrefix("#/$defs/"),
              let target = root["$defs"]?[String(text.dropFirst("#/$defs/".count))] else {
            throw UnsupportedSchema(description: "unresolved $ref \(reference)")
        }
        return target
    }

    // MARK: - Values

    /// JSON Schema's types: an integer is a number without a fraction, 1.0 included.
    static func has(_ instance: JSONValue, type: JSONValue) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
             ("number", .int), ("number", .number), ("integer", .int):
            true
        case ("integer", .number(let value)):
            value.isFinite && value == value.rounded()
        default:
            false
        }
    }

    /// Equality as JSON Schema defines it: numbers by value (1 equals 1.0).
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        switch (a, b) {
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(equal)
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { m in y.contains { $0.key == m.key && equal($0.value, m.value) } }
        default: return a == b
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let n): Double(n)
        case .number(let x): x
        default: nil
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func text(_ value: JSONValue) -> String {
        value.prettyPrinted.replacingOccurrences(of: "\n", with: " ")
    }

    static func matches(_ text: String, _ pattern: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
