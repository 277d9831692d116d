import ArgumentParser
import ExptManifest

extension Expt {
    /// `expt schema`: the JSON Schema of the manifest format, for editors
    /// (``ManifestJSONSchema``); with `--markdown`, the manifest reference's tables
    /// (``ManifestReference``, docs/manifest-reference.md).
    struct SchemaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of the manifest format, for completion and checking in editors.",
            discussion: """
                Generated from the tables the manifest decoder reads. Save it with \
                `expt schema > expt.schema.json` and point the YAML language server at it with a first \
                line `# yaml-language-server: $schema=expt.schema.json`. Rules between keys, shapes and \
                data files are checked by `expt validate`. With --markdown, the same tables as Markdown \
                (docs/manifest-reference.md).
                """)

        @Flag(name: .long, help: "Print the manifest reference's tables as Markdown instead.")
        var markdown = false

        func run() throws {
            print(markdown ? ManifestReference.markdown : ManifestJSONSchema.text, terminator: "")
        }
    }
}
