import ExptConfig
import ExptOptim
import ExptTestSupport
import Foundation
import Testing

/// The three stored forms of `StoredKind`, written out by hand: the form of the enum cases the
/// kinds replaced, which every stored run's id was computed from.
struct StoredKindTests {
    /// A kind with one setting, in each stored form.
    struct Probe<Form: FormChoice>: KindSettings {
        static var name: String { "probe" }
        static var storedName: String { "probeStored" }
        static var storedForm: StoredForm { Form.form }
        static var summary: String { "A probe." }
        static var settings: [Hyperparameter<Self>] { [Hyperparameter("rate", .number(\.rate, .positive), "A rate.")] }
        var rate = 0.5
        init() {}
    }

    protocol FormChoice: Sendable { static var form: StoredForm { get } }
    enum Wrapped: FormChoice { static let form = StoredForm.wrapped }
    enum Bare: FormChoice { static let form = StoredForm.bare }
    enum Empty: FormChoice { static let form = StoredForm.empty }

    /// Encodes through `StoredKind`, as a family's configuration value does.
    struct Box<Form: FormChoice>: Codable {
        let settings: Probe<Form>
        func encode(to encoder: any Encoder) throws { try StoredKind.encode(settings, to: encoder) }
        init(_ settings: Probe<Form>) { self.settings = settings }
        init(from decoder: any Decoder) throws {
            settings = try StoredKind.decode(Probe<Form>.self, among: [Probe<Form>.self], family: "probe", from: decoder)
        }
    }

    func text<Form>(_ box: Box<Form>) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(box), as: UTF8.self)
    }

    @Test func eachFormIsWrittenAsTheEnumCaseItReplaced() throws {
        var probe = Probe<Wrapped>()
        probe.rate = 0.25
        #expect(try text(Box(probe)) == #"{"probeStored":{"_0":{"rate":0.25}}}"#)
        #expect(try text(Box(Probe<Bare>())) == #"{"probeStored":{"rate":0.5}}"#)
        #expect(try text(Box(Probe<Empty>())) == #"{"probeStored":{}}"#)
    }

    @Test func eachFormReadsBack() throws {
        let wrapped = try JSONDecoder().decode(Box<Wrapped>.self, from: Data(#"{"probeStored":{"_0":{"rate":0.25}}}"#.utf8))
        #expect(wrapped.settings.rate == 0.25)
        let bare = try JSONDecoder().decode(Box<Bare>.self, from: Data(#"{"probeStored":{"rate":2}}"#.utf8))
        #expect(bare.settings.rate == 2)
        let empty = try JSONDecoder().decode(Box<Empty>.self, from: Data(#"{"probeStored":{}}"#.utf8))
        #expect(empty.settings.rate == 0.5)
    }

    @Test func anUnknownOrSecondNameIsRefused() {
        for text in [#"{"probe":{"rate":1}}"#, #"{"probeStored":{"rate":1},"other":{}}"#, "{}"] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box<Bare>.self, from: Data(text.utf8)) }
        }
    }

    /// The optimizers' stored form, for one kind, as config.json holds it.
    @Test func anOptimizerIsStoredWrappedUnderItsName() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var sgd = SGDHyperparameters()
        sgd.lr = 0.1
        let text = String(decoding: try encoder.encode(OptimizerConfig(sgd)), as: UTF8.self)
        #expect(text == #"{"sgd":{"_0":{"dampening":0,"lr":0.1,"momentum":0,"nesterov":false,"weightDecay":0}}}"#)
    }
}
