import ArgumentParser
import ExptManifest

extension Expt {
    /// `expt schema`: the JSON Schema of the manifest format, for editors
    /// (``ManifestJSONSchema``).
    struct SchemaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of the manifest format, for completion and checking in editors.",
            discussion: """
                Generated from the tables the manifest decoder reads. Save it with \
                `expt schema > expt.schema.json` and point the YAML language server at it with a first \
                line `# yaml-language-server: $schema=expt.schema.json`. Rules between keys, shapes and \
                data files are checked by `expt validate`.
                """)

        func run() throws {
            print(ManifestJSONSchema.text, terminator: "")
        }
    }
}
