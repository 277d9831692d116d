/// A data file named in a manifest: the path as written (shown in every message) and the
/// absolute path it resolves to (what is read).
public struct DataFile: Sendable, Hashable {
    /// The path as the manifest writes it.
    public var path: String
    /// The absolute path: `path` itself when it is absolute, otherwise `path` relative to the
    /// folder that holds the manifest.
    public var resolved: String

    public init(path: String, resolved: String) {
        self.path = path
        self.resolved = resolved
    }

    /// `path` resolved against `directory`, the manifest's folder (itself absolute, or relative
    /// to `workingDirectory`).
    public init(path: String, relativeTo directory: String, workingDirectory: String) {
        self.path = path
        if path.hasPrefix("/") {
            resolved = path
        } else {
            let base = directory.hasPrefix("/") ? directory : Self.join(workingDirectory, directory)
            resolved = Self.join(base, path)
        }
    }

    /// `base/path` with `.` components and doubled separators removed, and `..` applied.
    static func join(_ base: String, _ path: String) -> String {
        var parts: [Substring] = []
        for part in (base + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DataFile {
    /// `path` as a manifest at `manifestPath` writes it: relative to the manifest's folder,
    /// which is itself relative to the process's working directory unless absolute.
    public init(path: String, manifestPath: String) {
        let directory = manifestPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        self.init(path: path, relativeTo: manifestPath.hasPrefix("/") && directory.isEmpty ? "/" : directory,
                  workingDirectory: Self.workingDirectory)
    }

    /// The process's working directory ("/" when it cannot be read).
    static var workingDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A data file is stored (in a run's `config.json`, and so in its id) as the path the manifest
/// writes, not where it resolved: the same manifest then names the same runs wherever the
/// repository is checked out, on every machine of a sharded batch. Read back, the path is its
/// own resolution.
extension DataFile: Codable {
    public init(from decoder: any Decoder) throws {
        let path = try decoder.singleValueContainer().decode(String.self)
        self.init(path: path, resolved: path)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }
}
