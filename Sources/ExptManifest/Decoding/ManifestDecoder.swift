import ExptData
import ExptEngine
import ExptOptim
import ExptYAML

/// Decodes a manifest's YAML tree into an ``Experiment``, collecting every problem instead of
/// stopping at the first.
///
/// Each part of the schema is decoded in its own extension (`ManifestDecoder+Data.swift`,
/// `+Model`, `+Train`, `+Optimizer`, `+Experiment`); the readers of typed values, which word
/// every "expected …, found …" message, are in `ManifestDecoder+Values.swift`.
///
/// A value is decoded once per variant that uses it, so the same problem can be found several
/// times: diagnostics are kept once per position and message, in file order.
final class ManifestDecoder {
    let path: String
    let text: String
    /// The texts values come from; index 0 is the manifest (`path`, `text`).
    private(set) var sources: [SourceText]
    private var diagnostics: [(source: SourceID, diagnostic: Diagnostic)] = []
    private var seen: Set<DiagnosticKey> = []
    private var lineCache: [LineKey: String?] = [:]
    /// The line index of each source with a text, built when a line of it is first needed.
    private var lineIndexes: [SourceID: LineIndex] = [:]
    /// Every error reported so far, duplicates included: decoding code compares it before and
    /// after a step to know whether that step failed.
    private(set) var errorCount = 0
    /// The most diagnostics kept in full. Past them a problem is only counted (in
    /// ``unlisted``): its message is never worded, so a manifest with hundreds of thousands of
    /// mistakes costs no more than one with a thousand, and only the first
    /// ``ManifestError/maximumShown`` are printed anyway.
    static let maximumKept = 1_000
    /// Problems counted past ``maximumKept``.
    private(set) var unlisted = 0
    /// What each file dataset's files said when inspected: variants that share a dataset read
    /// its files once.
    var inspectedData: [DatasetConfig: Result<DataFileSummary?, DataFileError>] = [:]
    /// For a manifest recorded in a results folder: what each file dataset's files said when
    /// `expt run` read them (nil when not recorded), used instead of reading the files.
    var recordedData: ((DatasetConfig) -> DataFileSummary?)?

    private struct DiagnosticKey: Hashable {
        var source: SourceID
        var line: Int
        var column: Int
        var message: String
    }

    /// Where an unknown key is written.
    private struct UnknownKey: Hashable {
        var source: SourceID
        var mark: Mark
    }

    /// Unknown keys already reported: a key is met again by every variant that uses it, and is
    /// reported once, with the allowed keys of the first mapping it was checked against.
    private var unknownKeys: Set<UnknownKey> = []

    private struct LineKey: Hashable {
        var source: SourceID
        var line: Int
    }

    /// Texts of files the manifest extends, by resolved path, used instead of reading them
    /// (a manifest recorded in a results folder carries them).
    var recordedFiles: [String: String] = [:]
    /// Whether a file named by `extends` could not be read or parsed: the keys it was to bring
    /// are then not reported missing.
    var aBaseFailed = false
    /// The weights every run starts from (`init:`); see `ManifestDecoder+Init.swift`.
    var startingWeights: StartingWeights?
    /// For a manifest recorded in a results folder: the results folder's copy of the file
    /// `init.from` names (``RecordedManifest/keptWeights(in:)``), read instead of it.
    var keptWeights: String?
    /// The manifest's own optimizers (`optimizers:`); see `ManifestDecoder+OwnOptimizers.swift`.
    var ownOptimizers = OwnOptimizers()

    init(path: String, text: String) {
        self.path = path
        self.text = text
        self.sources = [SourceText(name: path, text: text)]
    }

    /// Registers a file the manifest extends, or an override, and returns its identifier.
    func addSource(_ source: SourceText) -> SourceID {
        sources.append(source)
        return SourceID(index: sources.count - 1)
    }

    // MARK: - Reporting

    func error(_ tree: Tree, _ message: @autoclosure () -> String) {
        error(at: tree.mark, source: tree.source, path: tree.path, message())
    }

    /// Reports a problem at `mark` in `source`. Problems of an override name the override and
    /// have no position.
    func error(at mark: Mark, source: SourceID = .manifest, path keyPath: KeyPath, _ wording: @autoclosure () -> String) {
        errorCount += 1
        guard diagnostics.count < Self.maximumKept else {
            unlisted += 1
            return
        }
        let message = wording()
        guard seen.insert(DiagnosticKey(source: source, line: mark.line, column: mark.column, message: message)).inserted else { return }
        let origin = sources[source.index]
        let hasPosition = origin.text != nil
        diagnostics.append((source, Diagnostic(
            path: origin.name, line: hasPosition ? mark.line : nil, column: hasPosition ? mark.column : nil,
            keyPath: keyPath.description, message: message, sourceLine: sourceLine(mark.line, in: source))))
    }

    /// The diagnostics by source (the manifest, then the files it extends, then the overrides, in
    /// the order they were read), then by line and column; problems at one position keep the
    /// order they were found in.
    func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = (a.element.source.index, a.element.diagnostic.line ?? 0, a.element.diagnostic.column ?? 0, a.offset)
            let right = (b.element.source.index, b.element.diagnostic.line ?? 0, b.element.diagnostic.column ?? 0, b.offset)
            return left < right
        }.map(\.element.diagnostic)
    }

    /// The `line`th line of `source`'s text; nil for an override, or past the end. Each line is
    /// copied out of the text once, however many problems it has.
    func sourceLine(_ line: Int, in source: SourceID) -> String? {
        let key = LineKey(source: source, line: line)
        if let cached = lineCache[key] { return cached }
        guard let text = sources[source.index].text else { return nil }
        let index = lineIndexes[source] ?? LineIndex(text)
        lineIndexes[source] = index
        let found = index.line(line)
        lineCache[key] = found
        return found
    }

    // MARK: - Mappings

    /// The keys of a mapping, after unknown keys have been reported.
    struct Fields {
        let tree: Tree
        unowned let decoder: ManifestDecoder

        /// The value of an optional key; nil when the key is absent or null.
        func optional(_ key: String) -> Tree? {
            guard let value = tree[key], !value.isNull else { return nil }
            return value
        }

        /// The value of a required key, null included (its reader then says what it expected);
        /// reports a missing key at the mapping, unless a base file that might have set it
        /// could not be read (that error is the cause, and stands alone).
        func required(_ key: String) -> Tree? {
            guard let value = tree[key] else {
                if decoder.aBaseFailed { decoder.errorCount += 1 } else { decoder.error(tree, "missing required key \"\(key)\"") }
                return nil
            }
            return value
        }
    }

    /// Checks that `tree` is a mapping and reports its unknown keys.
    /// - Parameters:
    ///   - nullIsEmpty: accept a null value as an empty mapping.
    ///   - owner: what the keys belong to, named in an unknown key's message (`for optimizer "my-adamw" (adamw)`).
    func fields(_ tree: Tree, allowed: [String], nullIsEmpty: Bool = false, owner: String? = nil) -> Fields? {
        if nullIsEmpty && tree.isNull {
            return Fields(tree: Tree(kind: .mapping([]), mark: tree.mark, path: tree.path, source: tree.source), decoder: self)
        }
        guard let entries = tree.entries else {
            error(tree, "expected a mapping, found \(tree.found)")
            return nil
        }
        var candidates: Suggestion.Candidates?
        for entry in entries where !allowed.contains(entry.key) {
            // Met again (through another variant), it counts as an error without being worded again.
            guard unknownKeys.insert(UnknownKey(source: entry.keySource, mark: entry.keyMark)).inserted else {
                errorCount += 1
                continue
            }
            error(at: entry.keyMark, source: entry.keySource, path: entry.path, {
                let prepared = candidates ?? Suggestion.Candidates(allowed)
                candidates = prepared
                return prepared.unknownKey(entry.key, of: owner)
            }())
        }
        return Fields(tree: tree, decoder: self)
    }
}
