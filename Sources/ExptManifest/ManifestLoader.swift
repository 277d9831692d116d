import ExptData
import ExptYAML

/// Reads manifests into ``Experiment`` values. The schema is documented in
/// docs/manifest.md and docs/manifest-reference.md, and beside each decoding function in `Decoding/`.
public enum ManifestLoader {
    /// Reads and decodes a manifest file. Throws ``ManifestError`` with every problem found.
    /// - Parameter overrides: `key.path=value` settings (`expt run --set`), applied in order
    ///   after the files the manifest extends.
    public static func load(path: String, overrides: [String] = []) throws -> Experiment {
        let text = try read(path)
        return try decode(text: text, path: path, overrides: overrides)
    }

    /// Reads a manifest that `expt run` recorded in a results folder, with the `--set`
    /// overrides recorded at its top applied again and the files it extends taken from the
    /// copies recorded after it, so that it declares the same runs.
    /// - Parameter recordedData: what the data files of each file dataset said when `expt run`
    ///   read them (nil when not recorded), used instead of reading them again: a results
    ///   folder then decodes without its data files, wherever it is.
    public static func loadRecorded(
        path: String, recordedData: @escaping (DatasetConfig) -> DataFileSummary? = { _ in nil }
    ) throws -> Experiment {
        let text = try read(path)
        let overrides = RecordedManifest.overrides(in: text)
        // The files it extends are recorded in it: decode it as the path it was read as, so
        // that its `extends` resolve to the recorded files' paths, wherever the folder now is.
        // Overrides recorded by an older expt are applied as they were, even those that change nothing.
        let bases = RecordedManifest.bases(in: text)
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let keptWeights = RecordedManifest.keptWeights(in: text).map { folder.isEmpty ? $0 : folder + "/" + $0 }
        return try decode(text: text, path: bases?.manifestPath ?? path, overrides: overrides,
                          recordedFiles: bases?.files ?? [:], recordedData: recordedData, keptWeights: keptWeights, refusingIneffective: false)
    }

    /// Decodes manifest text; `path` is used in messages, stored in ``Experiment/sourcePath``,
    /// and locates the files the manifest extends.
    /// An override that changes nothing (every variant sets its own value, or the value is already
    /// that) is refused.
    public static func decode(text: String, path: String, overrides: [String] = []) throws -> Experiment {
        try decode(text: text, path: path, overrides: overrides, recordedFiles: [:], refusingIneffective: true)
    }

    /// Decodes manifest text whose extended files are given (by the path they resolve to)
    /// instead of read from disk where `recordedFiles` has them.
    static func decode(
        text: String, path: String, overrides: [String], recordedFiles: [String: String],
        recordedData: ((DatasetConfig) -> DataFileSummary?)? = nil, keptWeights: String? = nil, refusingIneffective: Bool
    ) throws -> Experiment {
        let root: Node
        do {
            root = try YAML.parse(text, path: path)
        } catch {
            throw ManifestError(diagnostics: [
                Diagnostic(path: path, line: error.mark.line, column: error.mark.column, keyPath: "",
                           message: error.message, sourceLine: error.sourceLine),
            ])
        }
        let decoder = ManifestDecoder(path: path, text: text)
        decoder.recordedFiles = recordedFiles
        decoder.recordedData = recordedData
        decoder.keptWeights = keptWeights
        let experiment = decoder.experiment(from: root, overrides: overrides)
        var diagnostics = decoder.sortedDiagnostics()
        if let experiment, diagnostics.isEmpty, refusingIneffective {
            diagnostics = ineffective(overrides, of: experiment, root: root, text: text, path: path, recordedFiles: recordedFiles)
        }
        if var experiment, diagnostics.isEmpty {
            experiment.overrides = overrides
            experiment.sourceText = RecordedManifest.text(
                manifest: text, path: path, overrides: overrides, baseFiles: decoder.baseFiles,
                keptWeights: decoder.startingWeights.map { RecordedManifest.keptWeightsPath(sha256: $0.weights.sha256) })
            return experiment
        }
        // A nil experiment always comes with a diagnostic; this one is never expected.
        throw ManifestError(diagnostics: diagnostics.isEmpty
            ? [Diagnostic(path: path, line: nil, column: nil, keyPath: "", message: "the manifest could not be decoded", sourceLine: nil)]
            : diagnostics, unlisted: decoder.unlisted)
    }

    /// A diagnostic for each override without which the manifest declares the same experiment.
    private static func ineffective(_ overrides: [String], of experiment: Experiment, root: Node, text: String, path: String,
                                    recordedFiles: [String: String]) -> [Diagnostic] {
        overrides.indices.compactMap { index in
            let decoder = ManifestDecoder(path: path, text: text)
            decoder.recordedFiles = recordedFiles
            var others = overrides
            others.remove(at: index)
            guard decoder.experiment(from: root, overrides: others) == experiment else { return nil }
            let override = overrides[index]
            let keyText = override.firstIndex(of: "=").map { String(override[..<$0]) } ?? override
            return Diagnostic(path: "--set \(override.escapingControlCharacters())", line: nil, column: nil,
                              keyPath: keyText.escapingControlCharacters(),
                              message: "changes no run: the manifest has this value already, every variant sets its own, or a later --set replaces it",
                              sourceLine: nil)
        }
    }

    /// The text of the manifest file at `path`, or the error that names it and says why not.
    private static func read(_ path: String) throws -> String {
        switch ManifestFile.contents(ofPath: path, limit: YAML.Limits.default.fileSize) {
        case .success(let contents):
            return contents
        case .failure(let reason):
            throw ManifestError(diagnostics: [
                Diagnostic(path: path, line: nil, column: nil, keyPath: "",
                           message: "cannot read the file (\(reason.description))", sourceLine: nil),
            ])
        }
    }
}
