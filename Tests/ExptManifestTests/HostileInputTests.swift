#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import ExptManifest

/// Hostile and broken inputs through the whole chain (file, YAML, decoder): each gives an
/// error with its exact text, and none crashes or hangs. The work each does is bounded by the
/// limits the errors name: the refusal comes at the first alias past 100 000 nodes, at the
/// 257th level of nesting, from the size before a byte is parsed. The big inputs are made
/// here, not committed.
@Suite struct HostileInputTests {
    /// The description of the error `text` gets as `x.yaml`.
    private func decodeError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        errorText(text, sourceLocation: sourceLocation) ?? ""
    }

    @Test func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let message = decodeError(text)
        #expect(message == """
            x.yaml:5:45: error: aliases expand to more than 100000 nodes; refusing a possible alias bomb
            a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
                                                        ^
            """)
    }

    @Test func tenThousandDeepFlowNesting() {
        let message = decodeError("a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        // The 20 003-character line is cut to 120 characters around the column.
        #expect(message == """
            x.yaml:1:259: error: sequences and mappings nest deeper than 256 levels
            ...\(String(repeating: "[", count: 120))...
            \(String(repeating: " ", count: 63))^
            """)
    }

    @Test func tenThousandDeepBlockNesting() {
        // A block sequence of block sequences, `- - - … - 1`, under a mapping: the 256th
        // sequence (the 257th level) starts at column 2 · 255 + 1.
        let message = decodeError("a:\n" + String(repeating: "- ", count: 10_000) + "1\n")
        #expect(message == """
            x.yaml:2:511: error: sequences and mappings nest deeper than 256 levels
            ...\(String(repeating: "- ", count: 60))...
            \(String(repeating: " ", count: 63))^
            """)
    }

    @Test func hundredMegabyteScalar() {
        // Made from bytes, which a debug build copies in bulk.
        let message = decodeError(String(decoding: Array("name: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 100 << 20) + [10], as: UTF8.self))
        #expect(message == "x.yaml:1:1: error: the file is 104857607 bytes; the limit is 4194304 bytes")
    }

    /// A file over the limit is refused from its size, before it is read.
    @Test func hundredMegabyteFile() throws {
        var template = Array("/tmp/expt-hostile-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let head = Array("name: ".utf8)
        #expect(write(fd, head, head.count) == head.count)
        #expect(ftruncate(fd, off_t(100 << 20)) == 0)
        close(fd)
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.load(path: path) }
        #expect(error.description == "\(path): error: cannot read the file (it is 104857600 bytes; the limit is 4194304 bytes)")
    }

    /// A scalar just under the size limit is read, and refused by the decoder for its length.
    @Test func largestScalarAllowed() {
        let length = (4 << 20) - "name: \n".utf8.count
        let message = decodeError("name: " + String(repeating: "x", count: length) + "\n")
        let headers = message.split(separator: "\n").filter { $0.hasPrefix("x.yaml:") }
        #expect(headers == [
            "x.yaml:1:1: error: missing required key \"data\"",
            "x.yaml:1:1: error: missing required key \"model\"",
            "x.yaml:1:1: error: missing required key \"train\"",
            "x.yaml:1:1: error: missing required key \"variants\"",
            "x.yaml:1:7: error: name: expected a name of at most 100 characters, found \(length) characters",
        ])
    }

    @Test func nulByte() {
        let message = decodeError(edit(baseManifest, "name: demo", "name: de\u{0}mo"))
        #expect(message == "x.yaml:1:9: error: control characters are not allowed\nname: de\u{0}mo\n        ^")
    }

    @Test(arguments: [
        ("name: \"demo", "x.yaml:1:12: error: found unexpected end of stream while scanning a quoted scalar\nname: \"demo\n           ^"),
        ("name: demo\ndata: {dataset: spirals",
         "x.yaml:2:7: error: did not find expected ',' or '}' while parsing a flow mapping\ndata: {dataset: spirals\n      ^"),
        ("name: demo\nmodel:\n  - dense: 16\n    activation: 're",
         "x.yaml:4:20: error: found unexpected end of stream while scanning a quoted scalar\n    activation: 're\n                   ^"),
        // The end of the text is past its last line: no snippet.
        ("name: demo\nvariants: [a, ", "x.yaml:3:1: error: did not find expected node content while parsing a flow node"),
    ])
    func truncatedFile(_ text: String, _ expected: String) {
        #expect(decodeError(text) == expected)
    }

    /// A manifest that sets every key, cut after each of its bytes (a cut inside a character
    /// repaired as UTF-8 decoding does): every prefix decodes or gets diagnostics, each with a
    /// message and a line inside the text (or just past its end).
    @Test func everyPrefixOfAManifest() throws {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/full.yaml")
        let bytes = Array(try String(contentsOf: url, encoding: .utf8).utf8)
        #expect(errorText("") == "x.yaml:1:1: error: the manifest is empty; expected a mapping with the keys name, data, model, train and variants")
        for end in 1...bytes.count {
            let text = String(decoding: bytes[..<end], as: UTF8.self)
            do {
                _ = try ManifestLoader.decode(text: text, path: "x.yaml")
            } catch let error as ManifestError {
                #expect(end < bytes.count, "the whole manifest is refused")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                for diagnostic in error.diagnostics {
                    #expect(!diagnostic.message.isEmpty)
                    #expect((diagnostic.line ?? 1) <= lines + 1, "\(end): \(diagnostic)")
                }
            }
        }
    }
}
