import Foundation

/// The committed fixture files of a test target, copied into its resource bundle
/// (`resources: [.copy("Fixtures")]` in Package.swift).
public enum FixtureFile {
    /// `Fixtures/<name>` of `bundle` (the test target's `Bundle.module`) decoded as JSON into `T`.
    /// A fixture that is missing or does not decode stops the test process with the file's
    /// path and the decoding error: every test that reads it would be meaningless.
    public static func decode<T: Decodable>(_ type: T.Type = T.self, _ name: String, in bundle: Bundle) -> T {
        let url = bundle.resourceURL!.appendingPathComponent("Fixtures/\(name)")
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }

    /// The text of `path` (relative to the checkout's root), for a file that tests of several
    /// targets or scripts share. A missing or unreadable file stops the test process with its path.
    public static func text(_ path: String) -> String {
        let url = repository.appendingPathComponent(path)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }

    /// The path of the repository's checkout, found from this source file's own path.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
