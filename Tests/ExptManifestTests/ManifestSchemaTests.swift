import ExptData
import ExptOptim
import Testing
@testable import ExptManifest

/// ``ManifestSchema`` against the decoder: every listed key is accepted and every other one
/// refused, every listed default is what the decoder fills in, and every listed type is what it
/// checks. A key, default or range changed in a decoder without its table fails here.
@Suite struct ManifestSchemaTests {
    @Test(arguments: SchemaCase.all)
    func everyListedKeyIsAccepted(_ c: SchemaCase) throws {
        let value = try #require(c.value, "no example value for \(c.testDescription)")
        if case .failure(let error) = try SchemaCase.decode(c.manifest(value: value))[0] {
            Issue.record("\(c.testDescription): \(value) is refused:\n\(error)")
        }
    }

    @Test(arguments: RefusedKey.all)
    func everyKeyNotListedIsRefused(_ refused: RefusedKey) throws {
        let c = refused.schemaCase
        guard case .failure(let error) = try SchemaCase.decode(c.manifest(value: "1"))[0] else {
            Issue.record("\(c.testDescription) is accepted")
            return
        }
        #expect("\(error)".contains("unknown key \"\(refused.key)\""), "\(error)")
    }

    @Test(arguments: SchemaCase.withDefaultValues)
    func everyListedDefaultIsTheDecodersDefault(_ c: SchemaCase) throws {
        let decoded = try SchemaCase.decode(c.manifest(value: c.setting.defaultValue), c.manifest(value: nil))
        let (written, omitted) = (try decoded[0].get(), try decoded[1].get())
        #expect(written.variants[0].config == omitted.variants[0].config)
    }

    @Test(arguments: SchemaCase.typed)
    func everyListedTypeIsWhatTheDecoderChecks(_ c: SchemaCase) throws {
        for (value, expected) in Self.refusals(of: c.setting.kind) {
            guard case .failure(let error) = try SchemaCase.decode(c.manifest(value: value))[0] else {
                Issue.record("\(c.testDescription): \(value) is accepted")
                continue
            }
            #expect("\(error)".contains(expected), "\(c.testDescription): \(error)")
        }
    }

    /// Values outside a type, each with the message it must get (in the vocabulary of
    /// `ManifestDecoder+Values.swift`).
    static func refusals(of kind: SettingKind) -> [(value: String, message: String)] {
        switch kind {
        case .number(let range):
            let outside: String = switch range {
            case .positive, .atLeastOne: "0"
            case .nonNegative: "-1"
            case .nonPositive: "0.5"
            case .openUnit, .halfOpenUnit: "1"
            case .closedUnit: "1.5"
            case .finite: "x"
            }
            return [(outside, "expected \(range.description), found \(outside)")]
        case .integer(let range):
            let (lower, upper) = (range.lowerBound, range.upperBound)
            let below = switch lower {
            case 1: "a positive integer"
            case 0: "a non-negative integer"
            default: "an integer of at least \(lower)"
            }
            let above = switch lower {
            case 1: "a positive integer up to \(upper)"
            case 0: "a non-negative integer up to \(upper)"
            default: "an integer from \(lower) to \(upper)"
            }
            // No integer lies above Int.max (add_noise's seed): only the one below is refused.
            let aboveRange = upper < Int.max ? [("\(upper + 1)", "expected \(above), found \(upper + 1)")] : []
            return [("\(lower - 1)", "expected \(below), found \(lower - 1)")] + aboveRange
        case .flag:
            return [("maybe", "expected true or false, found \"maybe\"")]
        case .choice(let names):
            return [("zzz", "\"zzz\"; expected one of: \(names.sorted().joined(separator: ", "))")]
        case .described:
            return []
        }
    }

    @Test(arguments: [
        ("optimizers", "optimizer: {name: zzz}", "unknown optimizer \"zzz\"; expected one of: "),
        ("schedules", "schedule: {name: zzz}", "unknown schedule \"zzz\"; expected one of: "),
        ("datasets", "data: {dataset: zzz}", "unknown dataset \"zzz\"; expected one of: "),
        ("layers", "model: [{zzz: 1}]", "missing layer kind; expected one of: "),
    ])
    func unknownNamesListTheSchemasNames(_ section: String, _ line: String, _ message: String) throws {
        let names = ManifestSchema.section(named: section)!.names.map(\.name).sorted().joined(separator: ", ")
        let key = line.prefix { $0 != ":" } + ":"
        var text = ManifestParts().text.split(separator: "\n").filter { !$0.hasPrefix(key) }.joined(separator: "\n")
        text += "\n" + line + "\n"
        guard case .failure(let error) = try SchemaCase.decode(text)[0] else {
            Issue.record("decoded")
            return
        }
        #expect("\(error)".contains(message + names), "\(error)")
    }

    @Test func adamsListedDefaultsAreTorchs() throws {
        let adam = try #require(ManifestSchema.optimizers.entry("adam"))
        #expect(adam.settings.map(\.defaultValue) == ["0.001", "[0.9, 0.999]", "1e-8", "0", "false"])
        let experiment = try ManifestLoader.decode(text: edit(baseManifest, "{name: adam, lr: 0.01}", "{name: adam}"), path: "x.yaml")
        #expect(experiment.variants[1].config.optimizer == .adam(AdamHyperparameters(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)))
    }

    @Test(arguments: [(0.001, "0.001"), (1e-8, "1e-8"), (1e-10, "1e-10"), (10_000, "10000"), (0, "0"), (2.5e-7, "2.5e-7"),
                      (-1.5, "-1.5"), (1.0 / 3.0, "0.3333333333333333"), (1e20, "1e20")])
    func numbersAreWrittenAsShortYAML(_ value: Double, _ text: String) {
        #expect(YAMLText.number(value) == text)
    }
}

/// A key that a name does not list, written under it.
struct RefusedKey: CustomTestStringConvertible, Sendable {
    let section: String
    let name: String
    let key: String

    var testDescription: String { "\(name).\(key)" }

    var schemaCase: SchemaCase {
        SchemaCase(section: section, name: name, setting: SettingSchema(key, .described("refused"), .required, ""))
    }

    /// For each name, every key another name of its section lists (a layer's kind keys apart)
    /// and a key no name lists; for each shared block, the latter.
    static let all: [RefusedKey] = ManifestSchema.sections.flatMap { section in
        let everyKey = Set(section.names.flatMap(\.keys) + section.shared.flatMap(\.keys))
        let kinds = section.name == "layers" ? Set(section.names.map(\.name)) : []
        let names = section.names.flatMap { entry in
            let shared = sharedKeys(of: entry.name, in: section)
            let refused = everyKey.subtracting(entry.keys).subtracting(shared).subtracting(kinds).sorted() + ["zzz_unlisted"]
            return refused.map { RefusedKey(section: section.name, name: entry.name, key: $0) }
        }
        return names + section.shared.map { RefusedKey(section: section.name, name: $0.name, key: "zzz_unlisted") }
    }

    /// The shared keys a name takes beside its own: a schedule's `interval` and `warmup`, the
    /// `data` keys of a dataset that is not a test function.
    private static func sharedKeys(of name: String, in section: SchemaSection) -> [String] {
        switch section.name {
        case "schedules": section.shared[0].keys
        case "datasets" where TestFunction(rawValue: name) == nil: section.shared[0].keys
        default: []
        }
    }
}
