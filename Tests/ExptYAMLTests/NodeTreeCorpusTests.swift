import Testing
@testable import ExptYAML

/// A corpus of YAML inputs with the exact node tree each must give, written in a compact form:
/// scalars as `type value` (`int 1`, `float 0.001`, `str "yes"`, `null`, `bool true`,
/// `bigint 99999999999999999999`), sequences as `[…]`, mappings as `{key: value, …}` with keys
/// in the same form. Expected trees follow the YAML 1.2 specification (core schema, chapters 6
/// to 8 for block and flow styles, merge keys as in the YAML 1.1 merge type).
struct NodeTreeCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var tree: String
        var testDescription: String { name }
        init(_ name: String, _ yaml: String, _ tree: String) {
            (self.name, self.yaml, self.tree) = (name, yaml, tree)
        }
    }

    static let coreSchema: [Case] = [
        Case("null forms", "[~, null, Null, NULL, ]", "[null, null, null, null]"),
        Case("empty value is null", "a:\nb: ~\n", "{str \"a\": null, str \"b\": null}"),
        Case("booleans", "[true, True, TRUE, false, False, FALSE]", "[bool true, bool true, bool true, bool false, bool false, bool false]"),
        Case("yes, no, on, off are strings", "[yes, no, on, off, y, n, tRUE]", "[str \"yes\", str \"no\", str \"on\", str \"off\", str \"y\", str \"n\", str \"tRUE\"]"),
        Case("decimal integers", "[0, 7, -3, +5, 012]", "[int 0, int 7, int -3, int 5, int 12]"),
        Case("hex and octal integers", "[0x1F, 0xff, 0o17, 0o0]", "[int 31, int 255, int 15, int 0]"),
        Case("integers too large for Int", "[99999999999999999999, 0xFFFFFFFFFFFFFFFFF]", "[bigint 99999999999999999999, bigint 0xFFFFFFFFFFFFFFFFF]"),
        Case("not integers in the core schema", "[1_000, 0b101, 0x, 0o8, 1:20]", "[str \"1_000\", str \"0b101\", str \"0x\", str \"0o8\", str \"1:20\"]"),
        Case("floats", "[1e-3, 1.0e-3, .5, -.5, 1., 2.5E+2, 1e3]", "[float 0.001, float 0.001, float 0.5, float -0.5, float 1.0, float 250.0, float 1000.0]"),
        Case("infinities and nan", "[.inf, +.Inf, -.INF, .nan, .NaN]", "[float inf, float inf, float -inf, float nan, float nan]"),
        Case("not floats", "[1e, e3, ., 1.2.3, inf, nan]", "[str \"1e\", str \"e3\", str \".\", str \"1.2.3\", str \"inf\", str \"nan\"]"),
        Case("quoted scalars are strings", "['1', \"true\", '~', \"\", '.inf']", "[str \"1\", str \"true\", str \"~\", str \"\", str \".inf\"]"),
    ]

    static let tags: [Case] = [
        Case("!!str", "[!!str 1, !!str true, !!str ~]", "[str \"1\", str \"true\", str \"~\"]"),
        Case("!!int on a quoted value", "a: !!int \"7\"", "{str \"a\": int 7}"),
        Case("!!float on an integer", "[!!float 1, !!float '2.5']", "[float 1.0, float 2.5]"),
        Case("!!bool and !!null", "[!!bool false, !!null '', !!null null]", "[bool false, null, null]"),
        Case("the non-specific tag ! is a string", "a: ! 12", "{str \"a\": str \"12\"}"),
        Case("!!seq on a sequence", "!!seq [1]", "[int 1]"),
    ]

    static let anchorsAndMerges: [Case] = [
        Case("scalar alias", "a: &x 1\nb: *x\n", "{str \"a\": int 1, str \"b\": int 1}"),
        Case("collection alias", "a: &l [1, {b: 2}]\nc: *l\n", "{str \"a\": [int 1, {str \"b\": int 2}], str \"c\": [int 1, {str \"b\": int 2}]}"),
        Case("an anchor redefined names the later node", "a: &x 1\nb: &x 2\nc: *x\n", "{str \"a\": int 1, str \"b\": int 2, str \"c\": int 2}"),
        Case("merge of one mapping", "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
             "{str \"base\": {str \"x\": int 1, str \"y\": int 2}, str \"m\": {str \"x\": int 1, str \"y\": int 3}}"),
        Case("merge of a sequence: the first mapping wins", "a: &a {x: 1}\nb: &b {x: 2, z: 3}\nm: {<<: [*a, *b]}\n",
             "{str \"a\": {str \"x\": int 1}, str \"b\": {str \"x\": int 2, str \"z\": int 3}, str \"m\": {str \"x\": int 1, str \"z\": int 3}}"),
        Case("merge of an inline mapping", "m:\n  k: 0\n  <<: {k: 1, j: 2}\n", "{str \"m\": {str \"k\": int 0, str \"j\": int 2}}"),
        Case("quoted << is a plain key", "\"<<\": 1", "{str \"<<\": int 1}"),
    ]

    static let styles: [Case] = [
        Case("block mapping and sequence", "a:\n  - 1\n  - b: 2\n    c: 3\n", "{str \"a\": [int 1, {str \"b\": int 2, str \"c\": int 3}]}"),
        Case("sequence not indented under its key", "a:\n- 1\n- 2\n", "{str \"a\": [int 1, int 2]}"),
        Case("nested block sequences", "- - 1\n  - 2\n- - 3\n", "[[int 1, int 2], [int 3]]"),
        Case("flow collections", "{a: [1, {b: c}], d: {}, e: []}", "{str \"a\": [int 1, {str \"b\": str \"c\"}], str \"d\": {}, str \"e\": []}"),
        Case("flow over several lines", "a: [1,\n  2,\n  3]\n", "{str \"a\": [int 1, int 2, int 3]}"),
        Case("flow pair in a sequence", "[a: 1]", "[{str \"a\": int 1}]"),
        Case("document markers", "---\na: 1\n...\n", "{str \"a\": int 1}"),
        Case("empty document", "", "null"),
        Case("scalar document", "--- 42\n", "int 42"),
        Case("non-ASCII text", "clé: «valeur» ✓", "{str \"clé\": str \"«valeur» ✓\"}"),
    ]

    static let multiLine: [Case] = [
        Case("literal block keeps line breaks", "a: |\n  one\n  two\n", "{str \"a\": str \"one\\ntwo\\n\"}"),
        Case("literal strip", "a: |-\n  one\n  two\n\n", "{str \"a\": str \"one\\ntwo\"}"),
        Case("literal keep", "a: |+\n  one\n\n\nb: 1\n", "{str \"a\": str \"one\\n\\n\\n\", str \"b\": int 1}"),
        Case("literal with more indented lines", "a: |\n  x\n    y\n  z\n", "{str \"a\": str \"x\\n  y\\nz\\n\"}"),
        Case("folded block", "a: >\n  one\n  two\n\n  three\n", "{str \"a\": str \"one two\\nthree\\n\"}"),
        Case("folded strip", "a: >-\n  one\n  two\n", "{str \"a\": str \"one two\"}"),
        Case("a block scalar is a string", "a: |\n  12\n", "{str \"a\": str \"12\\n\"}"),
        Case("plain scalar over several lines", "a: one\n  two\n\n  three\n", "{str \"a\": str \"one two\\nthree\"}"),
        Case("double-quoted escapes and folding", "a: \"x\\ty\\u00e9 \\\"q\\\"\n  z\"\n", "{str \"a\": str \"x\\tyé \\\"q\\\" z\"}"),
        Case("single-quoted quote", "a: 'it''s'", "{str \"a\": str \"it's\"}"),
    ]

    static let comments: [Case] = [
        Case("comment lines and trailing comments", "# head\na: 1 # one\n# between\nb: [2, # two\n  3]\n# tail\n", "{str \"a\": int 1, str \"b\": [int 2, int 3]}"),
        Case("# without a space before it is text", "a: b#c\nd: 'e # f'\n", "{str \"a\": str \"b#c\", str \"d\": str \"e # f\"}"),
        Case("comment in a block scalar's indentation ends it", "a: |\n  text\n# after\nb: 2\n", "{str \"a\": str \"text\\n\", str \"b\": int 2}"),
        Case("only comments", "# one\n# two\n", "null"),
    ]

    @Test(arguments: coreSchema + tags + anchorsAndMerges + styles + multiLine + comments)
    func treeIsTheExpectedOne(_ c: Case) throws {
        #expect(try Self.render(YAML.parse(c.yaml, path: "t.yaml")) == c.tree)
    }

    /// The compact form of a tree.
    static func render(_ node: Node) -> String {
        switch node.kind {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool(let value): return "bool \(value)"
            case .int(let value): return "int \(value)"
            case .bigInt(let text): return "bigint \(text)"
            case .float(let value): return "float \(value)"
            case .string(let text): return "str \(quoted(text))"
            }
        case .sequence(let items):
            return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { render($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
