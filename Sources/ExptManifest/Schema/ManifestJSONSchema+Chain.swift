import ExptOptim

/// The JSON Schema of an optimizer written as a chain (`{chain: [...], lr: …}`) and of its
/// entries, from ``ManifestSchema/transformations``: each entry a name alone, or a mapping of one
/// name to nothing, to its first setting's value, or to a mapping of its settings.
extension ManifestJSONSchema {
    /// The optimizer's forms (`optimizer` of the `$defs`) with the chain among them.
    static func withChain(_ optimizer: JSONValue) -> JSONValue {
        var optimizer = optimizer
        if case .array(let forms)? = optimizer["oneOf"] { optimizer["oneOf"] = .array(forms + [chainOptimizer]) }
        return optimizer
    }

    /// `{chain: [TRANSFORMATION, …], lr: …}`, its entries referring to `transformation` of the `$defs`.
    private static var chainOptimizer: JSONValue {
        let chain: JSONValue = [
            "type": "array", "minItems": 1, "items": ["$ref": "#/$defs/transformation"],
            "description": "The transformations, in the order they apply to the gradient; the last is scale_by_learning_rate.",
        ]
        let settings = ChainSettings.settings.map { $0.schema(defaults: ChainSettings()) }
        var schema = object(NameSchema(ChainSettings.name, ChainSettings.summary, settings), required: ["chain"])
        schema["title"] = "chain"
        schema["properties"] = .object([JSONValue.Member(key: "chain", value: chain)] + (schema["properties"]?.members ?? []))
        return schema
    }

    /// One entry of a chain.
    static var transformation: JSONValue {
        let section = ManifestSchema.transformations
        let bare: JSONValue = ["type": "string", "enum": .array(section.names.map { .string($0.name) }),
                               "description": "A transformation alone: every setting at its default."]
        return ["oneOf": .array([bare] + section.names.map(transformationEntry))]
    }

    /// `{NAME: VALUE}`: nothing, the first setting's value, or a mapping of the settings.
    private static func transformationEntry(_ entry: NameSchema) -> JSONValue {
        var forms: [JSONValue] = [["type": "null"]]
        if let first = entry.settings.first {
            forms += [values(first.kind) ?? [:], object(entry)]
        }
        let value: JSONValue = ["oneOf": .array(forms), "description": .string(entry.summary)]
        return ["type": "object", "title": .string(entry.name), "properties": [entry.name: value],
                "required": [.string(entry.name)], "additionalProperties": false]
    }
}
