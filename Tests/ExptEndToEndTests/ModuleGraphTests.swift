import ExptTestSupport
import Foundation
import Testing

/// docs/architecture.md's table of allowed imports is the module graph: every `import` of a
/// module of expt under Sources/ is in it, and every edge in it is used by some import.
struct ModuleGraphTests {
    /// Modules outside expt that any module may import.
    static let everywhere: Set<String> = ["Foundation", "Synchronization", "Glibc", "Musl", "Darwin", "ArgumentParser"]

    /// The table's rows: module -> the modules it may import.
    static func documentedEdges() throws -> [String: Set<String>] {
        let page = try String(contentsOf: FixtureFile.repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var edges: [String: Set<String>] = [:]
        for line in page.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let module = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            edges[module] = Set(cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return edges
    }

    /// The drawing's arrows (`A --> B` lines of the mermaid graph): module -> what it imports.
    static func drawnEdges() throws -> [String: Set<String>] {
        let page = try String(contentsOf: FixtureFile.repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        var edges: [String: Set<String>] = [:]
        for line in page.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[1] == "-->" else { continue }
            edges[String(parts[0]), default: []].insert(String(parts[2]))
        }
        return edges
    }

    /// Every module under Sources/ with the modules its files import.
    static func actualEdges() throws -> [String: Set<String>] {
        let sources = FixtureFile.repository.appendingPathComponent("Sources")
        var edges: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            var imports: Set<String> = []
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "internal" || $0 == "public" }),
                          index + 1 < words.count else { continue }
                    imports.insert(String(words[index + 1]))
                }
            }
            if !imports.isEmpty { edges[module] = imports.subtracting(everywhere) }
        }
        return edges
    }

    @Test func everyImportIsADocumentedEdgeAndEveryEdgeIsUsed() throws {
        let documented = try Self.documentedEdges()
        let actual = try Self.actualEdges()
        #expect(!documented.isEmpty)
        for (module, imports) in actual.sorted(by: { $0.key < $1.key }) where !imports.isEmpty {
            let allowed = documented[module] ?? []
            #expect(imports.subtracting(allowed).isEmpty, "\(module) imports \(imports.subtracting(allowed).sorted()), not in docs/architecture.md")
            #expect(allowed.subtracting(imports).isEmpty, "docs/architecture.md lets \(module) import \(allowed.subtracting(imports).sorted()), which it no longer does")
        }
        #expect(try Self.drawnEdges() == documented, "the drawing and the table of docs/architecture.md differ")
        for module in documented.keys {
            #expect(actual[module] != nil, "docs/architecture.md names \(module), which Sources/ does not have")
        }
    }
}
