import ArgumentParser
import ExptManifest
import Foundation

extension Expt {
    /// `expt list [SECTION] [--json]`: every name a manifest accepts, with its settings, from
    /// the tables the manifest decoder reads (``ManifestSchema``).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the optimizers, chain transformations, schedules, datasets and layers a manifest accepts, with their settings.",
            discussion: "Each setting is listed with its type, its default and what it does.")

        /// A section of the listing.
        enum Section: String, CaseIterable, ExpressibleByArgument {
            case optimizers, transformations, schedules, datasets, layers
        }

        @Argument(help: "Only this section: optimizers, transformations, schedules, datasets or layers.")
        var section: Section?

        @Flag(name: .long, help: "Print JSON (an array of sections) for tools.")
        var json = false

        func run() throws {
            print(json ? try Self.json(sections) : Self.text(sections), terminator: "")
        }

        /// The section asked for, or all of them.
        var sections: [SchemaSection] {
            ManifestSchema.sections.filter { section == nil || $0.name == section?.rawValue }
        }

        /// The listing for a terminal: per section a heading and how its names are written,
        /// then one block per name (the name and its summary, a built-in optimizer's chain at its
        /// defaults, then a row per setting with its type, default and meaning, in aligned columns).
        static func text(_ sections: [SchemaSection]) -> String {
            sections.map { section in
                let heading = "\(section.name): \(section.usage)\n"
                let blocks = (section.names + section.shared).map(block)
                return ([heading] + blocks).joined(separator: "\n")
            }.joined(separator: "\n")
        }

        private static func block(_ entry: NameSchema) -> String {
            var text = "\(entry.name)  \(entry.summary)\n"
            if let chain = entry.chain { text += "  = chain \(chain) at these defaults\n" }
            if entry.settings.isEmpty { return text + "  (no settings)\n" }
            let rows = entry.settings.map { [$0.key, $0.type, $0.defaultValue, $0.meaning] }
            let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let padded = (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                text += "  " + (padded + [row[3]]).joined(separator: "  ") + "\n"
            }
            return text
        }

        /// The sections as JSON: `[{"name", "usage", "names": [{"name", "summary", "chain" (a
        /// built-in optimizer's), "settings": [{"key", "type", "default", "meaning"}]}], "shared": […]}]`.
        static func json(_ sections: [SchemaSection]) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(sections), as: UTF8.self) + "\n"
        }
    }
}
