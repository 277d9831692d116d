import ExptOptim

/// The JSON Schema of one setting's values, from its ``SettingKind``: numbers and integers with
/// the very bounds the decoder checks, flags, names, and the few described values (pairs,
/// paths, seeds) with a structure of their own.
extension ManifestJSONSchema {
    /// The schema of a setting as a property: its values, its meaning as the description, its
    /// default (as JSON when it is a value, in words otherwise), and null allowed unless it is
    /// required, since a key set to null counts as absent.
    static func property(_ setting: SettingSchema) -> JSONValue {
        let schema = values(setting.kind) ?? [:]
        return described(setting.defaultValue == "required" ? schema : nullable(schema), setting)
    }

    /// `schema` with the setting's meaning and default.
    static func described(_ schema: JSONValue, _ setting: SettingSchema) -> JSONValue {
        var schema = schema
        var description = setting.meaning
        if setting.defaultValue == "required" {
            description += " Required."
        } else if setting.defaultIsValue, let value = JSONValue(yamlText: setting.defaultValue) {
            schema["default"] = value
        } else {
            description += " Default: \(setting.defaultValue)."
        }
        schema["description"] = .string(description)
        return schema
    }

    /// The values of a kind, or nil for a described kind this builder does not know (the tests
    /// check that there is none).
    static func values(_ kind: SettingKind) -> JSONValue? {
        switch kind {
        case .number(let range): number(range)
        case .integer(let range): ["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)]
        case .flag: ["type": "boolean"]
        case .choice(let names): ["type": "string", "enum": .array(names.map(JSONValue.string))]
        case .described(let text): described[text]
        }
    }

    /// A finite number in a range, with the bounds as `minimum`, `exclusiveMinimum` and their
    /// upper twins.
    static func number(_ range: ManifestDecoder.NumberRange) -> JSONValue {
        switch range {
        case .positive: ["type": "number", "exclusiveMinimum": 0]
        case .nonNegative: ["type": "number", "minimum": 0]
        case .openUnit: ["type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1]
        case .closedUnit: ["type": "number", "minimum": 0, "maximum": 1]
        case .halfOpenUnit: ["type": "number", "minimum": 0, "exclusiveMaximum": 1]
        case .nonPositive: ["type": "number", "maximum": 0]
        case .atLeastOne: ["type": "number", "minimum": 1]
        case .finite: ["type": "number"]
        }
    }

    static let path: JSONValue = ["type": "string", "minLength": 1]
    static let seed: JSONValue = ["type": "integer", "minimum": 0]

    /// The described kinds, by their text.
    private static let described: [String: JSONValue] = [
        "path": path,
        "path, or sequence of paths": ["oneOf": [path, ["type": "array", "items": path, "minItems": 1]]],
        "[low, high], integers 0 to 10000, low ≤ high": pair(["type": "integer", "minimum": 0, "maximum": 10_000]),
        "[x, y], two numbers": pair(["type": "number"]),
        "[b1, b2], each in [0, 1)": pair(number(.halfOpenUnit)),
        "optimizer": ["oneOf": [["type": "string"], ["type": "object", "required": ["name"]]]],
        "column name, or 0-based column index": column,
        "column, or sequence of columns": ["oneOf": [column, ["type": "array", "items": column, "minItems": 1]]],
        "nothing": ["type": "null"],
        "sequence of initial and final": [
            "type": "array", "uniqueItems": true, "items": ["type": "string", "enum": .array(SavedWeights.allCases.map { .string($0.rawValue) })],
        ],
        "increasing integers 1 to \(ScheduleInterval.maximumTicks)": [
            "type": "array", "minItems": 1,
            "items": ["type": "integer", "minimum": 1, "maximum": .int(ScheduleInterval.maximumTicks)],
        ],
        "string": ["type": ["string", "number", "boolean"]],
        ManifestSchema.seedText: seed,
        ManifestSchema.batchSizeText: ["oneOf": [
            ["type": "integer", "minimum": 1, "maximum": .int(ManifestDecoder.maximumSamples)],
            ["const": "full"],
        ]],
        ManifestSchema.layerIndicesText: ["oneOf": [seed, ["type": "array", "items": seed, "minItems": 1]]],
        "\(ManifestSchema.seedText), or non-empty sequence of distinct ones": ["oneOf": [
            seed, ["type": "array", "items": seed, "minItems": 1, "uniqueItems": true],
        ]],
        "file name, or sequence of them": ["oneOf": [path, ["type": "array", "items": path]]],
        "assertion, or sequence of them": ["oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]],
        "sequence of layers": ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/layer"]],
    ]

    private static let column: JSONValue = ["oneOf": [["type": "string"], ["type": "integer", "minimum": 0]]]

    private static func pair(_ item: JSONValue) -> JSONValue {
        ["type": "array", "items": item, "minItems": 2, "maxItems": 2]
    }

    /// `schema` that also takes null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        var schema = schema
        switch schema["type"] {
        case .string(let type)?:
            schema["type"] = [.string(type), "null"]
            if case .array(let names)? = schema["enum"] { schema["enum"] = .array(names + [.null]) }
        case .array(let types)?:
            if !types.contains("null") { schema["type"] = .array(types + ["null"]) }
        default:
            if case .array(let options)? = schema["oneOf"] {
                schema["oneOf"] = .array(options + [["type": "null"]])
            } else if schema.members?.isEmpty == false {
                return ["anyOf": [schema, ["type": "null"]]]
            }
        }
        return schema
    }
}
