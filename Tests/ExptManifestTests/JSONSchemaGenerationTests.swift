import Foundation
import Testing
@testable import ExptManifest

/// How ``ManifestJSONSchema`` is made: the tables of the manifest's structure list the keys the
/// decoder accepts, every setting's values have a JSON form, and the printed text is JSON that
/// reads back to the same document.
@Suite struct JSONSchemaGenerationTests {
    @Test func structureTablesListTheDecodersKeys() {
        #expect(Set(ManifestSchema.topLevel.keys) == Set(ManifestDecoder.topLevelKeys))
        #expect(ManifestSchema.variant.keys.sorted() == ManifestDecoder.variantKeys.sorted())
        #expect(ManifestSchema.train.keys == ManifestDecoder.trainKeys + ManifestDecoder.functionTrainKeys)
        #expect(ManifestSchema.clip.keys == ManifestDecoder.clipKeys)
        #expect(ManifestSchema.parameterGroup.keys == ManifestDecoder.parameterGroupKeys)
        #expect(ManifestSchema.sweep.keys == ManifestDecoder.sweepKeys)
        #expect(ManifestSchema.sweepRange.keys == ManifestDecoder.rangeKeys)
    }

    /// `compare`'s keys are written inside its decoder: its message for an unknown key lists them.
    @Test func compareTableListsTheDecodersKeys() throws {
        let text = edit(baseManifest, "name: demo", "name: demo\ncompare: {zzz: 1}")
        let error = try #require(errorText(text))
        let keys = ManifestSchema.compare.keys.sorted().joined(separator: ", ")
        #expect(error.contains("compare.zzz: unknown key \"zzz\"; expected one of: \(keys)"), "\(error)")
    }

    /// Every setting's values, described ones included, have a JSON form; the keys that hold a
    /// part of the manifest (`data`, `warmup`, `train.early_stop`, `train.checkpoint`) have theirs from the builder.
    @Test func everySettingHasAJSONForm() {
        let tables = ManifestSchema.sections.flatMap { $0.names + $0.shared }
            + [ManifestSchema.train, ManifestSchema.clip, ManifestSchema.compare, ManifestSchema.sweepRange]
        let parts: Set<String> = ["warmup", "early_stop", "checkpoint"]
        for table in tables {
            for setting in table.settings where !parts.contains(setting.key) {
                #expect(ManifestJSONSchema.values(setting.kind) != nil, "\(table.name).\(setting.key): \(setting.type)")
            }
        }
        for setting in ManifestSchema.topLevel.settings where ["description", "seeds", "loss", "extends", "expect"].contains(setting.key) {
            #expect(ManifestJSONSchema.values(setting.kind) != nil, "\(setting.key): \(setting.type)")
        }
    }

    @Test func defaultsAreJSONValues() throws {
        let adam = try #require(ManifestJSONSchema.document["$defs"]?["optimizer"]?["oneOf"]?.arrayItems?.first { $0["title"] == "adam" })
        #expect(adam["properties"]?["betas"]?["default"] == [0.9, 0.999])
        #expect(adam["properties"]?["lr"]?["default"] == 0.001)
        #expect(adam["properties"]?["amsgrad"]?["default"] == false)
        #expect(adam["properties"]?["lr"]?["exclusiveMinimum"] == 0)
        #expect(adam["properties"]?["name"] == ["const": "adam", "description": "Adam, with bias-corrected first and second moments (torch.optim.Adam)."])
        let train = try #require(ManifestJSONSchema.document["$defs"]?["train"]?["properties"])
        #expect(train["epochs"] == ["type": "integer", "minimum": 1, "maximum": 1_000_000, "description": "Passes over the training set. Required."])
        #expect(train["threads"]?["default"] == 1)
        #expect(train["threads"]?["type"] == ["integer", "null"])
    }

    @Test func printedTextReadsBackToTheDocument() throws {
        let text = ManifestJSONSchema.text
        #expect(text.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"))
        #expect(text.hasSuffix("}\n"))
        let decoded = try JSONDecoder().decode(DecodedJSON.self, from: Data(text.utf8))
        #expect(JSONSchemaValidator.equal(decoded.value, ManifestJSONSchema.document))
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("a\"b", "\"a\\\"b\""), ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak\ttab\r", "\"line\\nbreak\\ttab\\r\""), ("\u{1}\u{1F}", "\"\\u0001\\u001f\""), ("κ ≥ 1", "\"κ ≥ 1\""),
    ])
    func stringsAreEscaped(_ text: String, _ json: String) {
        #expect(JSONValue.quoted(text) == json)
    }

    @Test func layoutOfValues() {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, true], "b": [:], "c": [["d": 1e-8]]]
        #expect(value.prettyPrinted == """
            {
              "a": [1, 2.5, "x", null, true],
              "b": {},
              "c": [
                {
                  "d": 1e-8
                }
              ]
            }
            """)
    }
}

extension JSONValue {
    var arrayItems: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }
}

/// JSON read by Foundation's decoder, independent of ``JSONValue/prettyPrinted``.
private struct DecodedJSON: Decodable {
    var value: JSONValue

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            value = .object(try object.allKeys.map { .init(key: $0.stringValue, value: try object.decode(DecodedJSON.self, forKey: $0).value) })
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedJSON.self).value) }
            value = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { value = .null }
            else if let bool = try? single.decode(Bool.self) { value = .bool(bool) }
            else if let int = try? single.decode(Int.self) { value = .int(int) }
            else if let number = try? single.decode(Double.self) { value = .number(number) }
            else { value = .string(try single.decode(String.self)) }
        }
    }
}
