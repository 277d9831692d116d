#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ExptManifest

/// Reading files.
struct ManifestLoaderTests {
    private func loadError(_ path: String) throws -> String {
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.load(path: path) }
        return error.description
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        var template = Array("/tmp/expt-manifest-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func missingFile() throws {
        #expect(try loadError("/nonexistent/x.yaml") == "/nonexistent/x.yaml: error: cannot read the file (no such file or directory)")
    }

    @Test func directory() throws {
        #expect(try loadError("/tmp") == "/tmp: error: cannot read the file (is a directory)")
    }

    @Test func notUTF8() throws {
        let path = try temporaryFile(Array("name: caf".utf8) + [0xE9, 0x0A])
        defer { unlink(path) }
        #expect(try loadError(path) == "\(path): error: cannot read the file (it is not UTF-8 text)")
    }

    @Test func tooLarge() throws {
        let path = try temporaryFile(Array(repeating: UInt8(ascii: "#"), count: (4 << 20) + 1))
        defer { unlink(path) }
        #expect(try loadError(path) == "\(path): error: cannot read the file (it is 4194305 bytes; the limit is 4194304 bytes)")
    }

    @Test func sourcePathAndTextAreKept() throws {
        let path = try temporaryFile(Array(baseManifest.utf8))
        defer { unlink(path) }
        let experiment = try ManifestLoader.load(path: path)
        #expect(experiment.sourcePath == path)
        #expect(experiment.sourceText == baseManifest)
    }

    @Test func yamlLimitsSurfaceAsDiagnostics() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.decode(text: bomb, path: "b.yaml") }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.message == "aliases expand to more than 100000 nodes; refusing a possible alias bomb")
        #expect(error.diagnostics.first?.keyPath == "")
    }
}
