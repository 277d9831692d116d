import Foundation
import Testing
@testable import ExptManifest

/// The corpus of broken manifests in `Fixtures/broken/`: each `NAME.yaml` with every diagnostic
/// it must get, word for word with its caret, in `NAME.expected` (paths relative to the folder).
/// One case per message family: YAML syntax and limits, unknown keys and names, missing keys,
/// types, ranges, rules between keys, shapes, schedules, parameter groups, sweeps, `expect`,
/// `extends` and data files. The files `bases/` holds are only reached through `extends` and
/// data paths.
@Suite struct BrokenManifestCorpusTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/broken").path

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 60)
    }

    @Test(arguments: names)
    func diagnosticsAreTheExpectedOnes(_ name: String) throws {
        let expected = try String(contentsOfFile: "\(Self.folder)/\(name).expected", encoding: .utf8)
        let error = try #require(throws: ManifestError.self) { try ManifestLoader.load(path: "\(Self.folder)/\(name).yaml") }
        let text = error.description.replacingOccurrences(of: Self.folder + "/", with: "")
        #expect(text + "\n" == expected)
    }
}
