import Testing
@testable import ExptYAML

struct ParserTests {
    private func texts(_ node: Node?) -> [String] {
        node?.sequence?.compactMap { $0.scalar?.text } ?? []
    }

    @Test func nestedSequencesAndMappings() throws {
        let source = """
            name: demo
            model:
              - dense: 32
                activation: relu
              - {dense: 3}
            seeds: [0, [1, 2], {a: b}]
            """
        let root = try YAML.parse(source, path: "t.yaml")
        #expect(root.mapping?.map { $0.key.scalar?.text } == ["name", "model", "seeds"])
        let layers = try #require(root["model"]?.sequence)
        #expect(layers.count == 2)
        #expect(layers[0]["dense"]?.scalar?.value == .int(32))
        #expect(layers[0]["activation"]?.scalar?.text == "relu")
        #expect(layers[1]["dense"]?.scalar?.value == .int(3))
        let seeds = try #require(root["seeds"]?.sequence)
        #expect(seeds[0].scalar?.value == .int(0))
        #expect(texts(seeds[1]) == ["1", "2"])
        #expect(seeds[2]["a"]?.scalar?.text == "b")
    }

    @Test func marksOfNodesAndKeys() throws {
        let source = """
            # comment
            train:
              epochs: 40
              lr:   'fast'
            list:
              - x
              - [é, y]
            """
        let root = try YAML.parse(source, path: "t.yaml")
        #expect(root.mark == Mark(line: 2, column: 1))
        let train = try #require(root.mapping?.first)
        #expect(train.key.mark == Mark(line: 2, column: 1))
        #expect(train.value.mark == Mark(line: 3, column: 3))
        let pairs = try #require(train.value.mapping)
        #expect(pairs[0].key.mark == Mark(line: 3, column: 3))
        #expect(pairs[0].value.mark == Mark(line: 3, column: 11))
        #expect(pairs[1].value.mark == Mark(line: 4, column: 9))
        let list = try #require(root["list"]?.sequence)
        #expect(list[0].mark == Mark(line: 6, column: 5))
        #expect(list[1].mark == Mark(line: 7, column: 5))
        // Columns count Unicode scalars: "é" is one column although two UTF-8 bytes.
        #expect(list[1].sequence?[1].mark == Mark(line: 7, column: 9))
    }

    @Test func emptyDocumentIsNull() throws {
        for source in ["", "# only a comment\n", "\n\n"] {
            let root = try YAML.parse(source, path: "t.yaml")
            #expect(root.isNull)
            #expect(root.mark == Mark(line: 1, column: 1))
        }
        #expect(try YAML.parse("---\n", path: "t.yaml").isNull)
    }

    @Test func anchorsAndAliases() throws {
        let source = """
            base: &b {lr: 0.1, momentum: 0.9}
            copy: *b
            list: [&x 1, *x, *x]
            """
        let root = try YAML.parse(source, path: "t.yaml")
        let copy = try #require(root["copy"])
        #expect(copy["lr"]?.scalar?.value == .float(0.1))
        // An alias keeps the anchored node's marks; a node's mark is where its properties
        // (anchor, tag) start, as libyaml reports it.
        #expect(copy.mark == Mark(line: 1, column: 7))
        #expect(copy.aliasMark == Mark(line: 2, column: 7))
        #expect(root["base"]?.aliasMark == nil)
        #expect(texts(root["list"]) == ["1", "1", "1"])
    }

    @Test func mergeKeys() throws {
        let source = """
            base: &base {lr: 0.1, momentum: 0.9, name: sgd}
            other: &other {eps: 1.0e-8, lr: 0.5}
            one:
              lr: 0.2
              <<: *base
              nesterov: true
            two:
              <<: [*other, *base]
            """
        let root = try YAML.parse(source, path: "t.yaml")
        let one = try #require(root["one"]?.mapping)
        #expect(one.map { $0.key.scalar?.text } == ["lr", "momentum", "name", "nesterov"])
        #expect(root["one"]?["lr"]?.scalar?.text == "0.2", "local keys win, even before the merge")
        let two = try #require(root["two"]?.mapping)
        #expect(two.map { $0.key.scalar?.text } == ["eps", "lr", "momentum", "name"])
        #expect(root["two"]?["lr"]?.scalar?.text == "0.5", "the first merged mapping wins")
        // A quoted "<<" is an ordinary key.
        #expect(try YAML.parse("'<<': 1", path: "t.yaml")["<<"]?.scalar?.text == "1")
    }

    @Test func mergeOfAScalarIsAnError() {
        expectError("a: 1\nb:\n  <<: 3\n", """
            t.yaml:3:7: error: a merge key << takes a mapping or a sequence of mappings, found a scalar
              <<: 3
                  ^
            """)
        expectError("a: &a [1]\nb:\n  <<: [*a]\n", """
            t.yaml:1:4: error: a merge key << takes a mapping or a sequence of mappings, found a sequence
            a: &a [1]
               ^
            """)
    }

    @Test func syntaxErrorHasLineColumnAndCaret() {
        expectError("train:\n  epochs: 4\n  lr: a: b\n", """
            t.yaml:3:8: error: mapping values are not allowed in this context
              lr: a: b
                   ^
            """)
        expectError("model:\n  - dense: 3\n  - x\n bad: 1\n", """
            t.yaml:4:2: error: did not find expected key while parsing a block mapping that starts on line 1
             bad: 1
             ^
            """)
        // A problem found at the end of the text is shown where the unfinished construct starts.
        expectError("model:\n  - dense: 3\n  bad\n", """
            t.yaml:3:3: error: could not find expected ':' while scanning a simple key
              bad
              ^
            """)
        expectError("a: [1, 2\n", """
            t.yaml:1:4: error: did not find expected ',' or ']' while parsing a flow sequence
            a: [1, 2
               ^
            """)
        expectError("a: \"x\\q\"\n", """
            t.yaml:1:6: error: found unknown escape character while parsing a quoted scalar
            a: "x\\q"
                 ^
            """)
    }

    @Test func tabsInTheCaretLine() {
        expectError("a:\n\t- x\n", """
            t.yaml:2:1: error: found character that cannot start any token while scanning for the next token
            \t- x
            ^
            """)
    }

    @Test func duplicateKeysNameBothLines() {
        expectError("optimizer:\n  lr: 0.1\n  momentum: 0.9\n  lr: 0.2\n", """
            t.yaml:4:3: error: duplicate key "lr" on line 4; it was first set on line 2
              lr: 0.2
              ^
            """)
        // Keys are compared by typed value.
        expectError("{1: a, 0x1: b}", """
            t.yaml:1:8: error: duplicate key "0x1" on line 1; it was first set on line 1
            {1: a, 0x1: b}
                   ^
            """)
        #expect(throws: Never.self) { try YAML.parse("{1: a, '1': b}", path: "t.yaml") }
        expectError("a:\n  <<: {x: 1}\n  <<: {y: 1}\n", """
            t.yaml:3:3: error: duplicate key "<<" on line 3; it was first set on line 2
              <<: {y: 1}
              ^
            """)
    }

    @Test func severalDocumentsAreAnError() {
        expectError("a: 1\n---\nb: 2\n", """
            t.yaml:2:1: error: a second document starts here; expected a single document
            ---
            ^
            """)
        expectError("a: 1\n...\n--- b\n", """
            t.yaml:3:1: error: a second document starts here; expected a single document
            --- b
            ^
            """)
    }

    @Test func unknownAndSelfReferentialAliases() {
        expectError("a: *nope\n", """
            t.yaml:1:4: error: unknown alias *nope; no anchor &nope is defined before it
            a: *nope
               ^
            """)
        expectError("a: &x [1, *x]\n", """
            t.yaml:1:11: error: alias *x refers to a node that contains it
            a: &x [1, *x]
                      ^
            """)
    }

    @Test func tags() {
        expectError("a: !!int ten\n", """
            t.yaml:1:4: error: "ten" is not a valid !!int value
            a: !!int ten
               ^
            """)
        expectError("a: !!bool yes\n", """
            t.yaml:1:4: error: "yes" is not a valid !!bool value
            a: !!bool yes
               ^
            """)
        expectError("a: !custom 1\n", """
            t.yaml:1:4: error: unsupported tag !custom; expected one of: !!bool, !!float, !!int, !!null, !!str
            a: !custom 1
               ^
            """)
        expectError("a: !!map [1]\n", """
            t.yaml:1:4: error: unsupported tag !!map; expected !!seq or none
            a: !!map [1]
               ^
            """)
    }

    /// Nine aliases of the line above on each of 12 lines would expand to 9^13 nodes; the parser
    /// stops on line 6, the first whose expansion (9^6 = 531 441 nodes) passes the limit of
    /// 100 000, so it never builds more than the limit allows.
    @Test func billionLaughsIsRefusedAtTheFirstLineOverTheLimit() {
        var source = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...12 {
            let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
            source += "a\(i): &a\(i) [\(refs)]\n"
        }
        #expect {
            try YAML.parse(source, path: "lol.yaml")
        } throws: { error in
            let e = try #require(error as? YAMLError)
            return e.message == "aliases expand to more than 100000 nodes; refusing a possible alias bomb"
                && e.mark.line == 6
        }
    }

    @Test func aliasesWithinTheLimitAreFine() throws {
        let source = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        let root = try YAML.parse(source, path: "t.yaml", limits: YAML.Limits(aliasExpansion: 12))
        #expect(root["b"]?.sequence?.count == 3)
        #expect(throws: YAMLError.self) {
            try YAML.parse(source, path: "t.yaml", limits: YAML.Limits(aliasExpansion: 11))
        }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(throws: Never.self) { try YAML.parse(ok, path: "t.yaml") }
        let deep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        // The 514-character line is cut to 120 characters around the column.
        expectError(deep, """
            t.yaml:1:257: error: sequences and mappings nest deeper than 256 levels
            ...\(String(repeating: "[", count: 61))\(String(repeating: "]", count: 59))...
            \(String(repeating: " ", count: 63))^
            """)
        // Far deeper input fails the same way, without exhausting the stack.
        let hostile = String(repeating: "{a: ", count: 100_000)
        #expect(throws: YAMLError.self) { try YAML.parse(hostile, path: "t.yaml") }
    }

    @Test func fileSizeLimit() {
        let big = "a: " + String(repeating: "x", count: 100) + "\n"
        expectError(big, "t.yaml:1:1: error: the file is 104 bytes; the limit is 100 bytes",
                    limits: YAML.Limits(fileSize: 100))
    }

    @Test func controlCharactersAreReaderErrors() {
        expectError("a: 1\nb: x\u{1}y\n", """
            t.yaml:2:5: error: control characters are not allowed
            b: x\u{1}y
                ^
            """)
    }

    private func expectError(_ source: String, _ expected: String, limits: YAML.Limits = .default,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let node = try YAML.parse(source, path: "t.yaml", limits: limits)
            Issue.record("parsed without error: \(node)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        }
    }
}
