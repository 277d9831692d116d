import Testing
@testable import ExptYAML

/// The YAML 1.2 core schema, case by case, as plain scalars in a document.
struct ScalarValueTests {
    static let plainCases: [(String, ScalarValue)] = [
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        // YAML 1.1 booleans are strings in the core schema.
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("nULL", .string("nULL")), ("tRUE", .string("tRUE")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+8", .int(8)), ("007", .int(7)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("99999999999999999999", .bigInt("99999999999999999999")),
        ("0x10000000000000000", .bigInt("0x10000000000000000")),
        ("1e-3", .float(0.001)), ("1.0e-3", .float(0.001)), ("1E3", .float(1000)), ("1e+3", .float(1000)),
        (".5", .float(0.5)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("3.25", .float(3.25)), ("+2.5", .float(2.5)),
        (".inf", .float(.infinity)), (".Inf", .float(.infinity)), ("+.INF", .float(.infinity)),
        ("-.inf", .float(-.infinity)), ("1e999", .float(.infinity)),
        // Not numbers in the core schema.
        ("0x", .string("0x")), ("0o8", .string("0o8")), ("-0x1", .string("-0x1")), ("0b101", .string("0b101")),
        ("1_000", .string("1_000")), (".", .string(".")), ("1e", .string("1e")), ("e3", .string("e3")),
        ("inf", .string("inf")), ("nan", .string("nan")), ("1.2.3", .string("1.2.3")), ("- 1", .string("- 1")),
        ("fast", .string("fast")), ("12:30", .string("12:30")),
    ]

    @Test(arguments: plainCases)
    func plainScalar(text: String, expected: ScalarValue) {
        #expect(ScalarValue.resolvePlain(text) == expected)
    }

    @Test func plainScalarsInADocumentResolveTheSameWay() throws {
        for (text, expected) in Self.plainCases where !text.isEmpty && !text.hasPrefix("- ") {
            let node = try YAML.parse("v: \(text)", path: "t.yaml")
            #expect(node["v"]?.scalar?.value == expected, "\(text)")
        }
    }

    @Test func notANumberIsAFloat() throws {
        for text in [".nan", ".NaN", ".NAN"] {
            guard case .float(let d) = ScalarValue.resolvePlain(text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(d.isNaN)
        }
    }

    static let styledCases: [(String, ScalarValue)] = [
        ("'1'", .string("1")), ("\"1\"", .string("1")), ("'true'", .string("true")), ("\"null\"", .string("null")),
        ("''", .string("")), ("\"1e-3\"", .string("1e-3")), ("|\n  12\n", .string("12\n")), (">\n  .inf\n", .string(".inf\n")),
        ("!!str 1", .string("1")), ("!!str true", .string("true")), ("!!str", .string("")),
        ("!!int \"12\"", .int(12)), ("!!int 0x10", .int(16)),
        ("!!float 1", .float(1)), ("!!float '2.5'", .float(2.5)),
        ("!!bool \"false\"", .bool(false)), ("!!null ''", .null), ("! 12", .string("12")),
    ]

    @Test(arguments: styledCases)
    func quotedAndTaggedScalars(source: String, expected: ScalarValue) throws {
        let node = try YAML.parse("v: \(source)", path: "t.yaml")
        #expect(node["v"]?.scalar?.value == expected)
    }

    @Test func stylesAndTagsAreKept() throws {
        let node = try YAML.parse("a: 'x'\nb: \"y\"\nc: z\nd: !!int 3\n", path: "t.yaml")
        #expect(node["a"]?.scalar == Scalar("x", style: .singleQuoted))
        #expect(node["b"]?.scalar == Scalar("y", style: .doubleQuoted))
        #expect(node["c"]?.scalar == Scalar("z"))
        #expect(node["d"]?.scalar?.tag == "tag:yaml.org,2002:int")
        #expect(node["d"]?.scalar?.tagDescription == "!!int")
    }

    @Test func bigIntegersConvertToDoubles() {
        #expect(ScalarValue.resolvePlain("99999999999999999999").number == 1e20)
        #expect(ScalarValue.resolvePlain("0x10000000000000000").number == 18446744073709551616)
        #expect(ScalarValue.resolvePlain("5").number == 5)
        #expect(ScalarValue.resolvePlain("x").number == nil)
    }
}
