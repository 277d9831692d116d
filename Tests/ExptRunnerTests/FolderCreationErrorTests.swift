import ExptTestSupport
import Foundation
import Testing
@testable import ExptStore

/// `--out` at a file: the error says so in expt's words, not Foundation's error number.
struct FolderCreationErrorTests {
    @Test func aFileInThePathIsNamed() throws {
        let base = NSTemporaryDirectory() + "folder-error-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        FileManager.default.createFile(atPath: base + "/out", contents: Data("x".utf8))
        #expect(throws: StoreError("cannot create the folder \(base)/out/demo: \(base)/out is a file, not a folder")) {
            try StoreFile.makeDirectory(base + "/out/demo")
        }
    }
}
