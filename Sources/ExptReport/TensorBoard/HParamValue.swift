/// A hyperparameter's value as the hparams plugin stores it: the number, string and bool kinds
/// of `google.protobuf.Value` (google/protobuf/struct.proto).
///
/// ```proto
/// message Value { oneof kind { double number_value = 2; string string_value = 3; bool bool_value = 4; ... } }
/// message ListValue { repeated Value values = 1; }
/// ```
public enum HParamValue: Sendable, Equatable, Hashable {
    case number(Double)
    case text(String)
    case flag(Bool)

    /// The serialized `Value`: its one member is written even at its default (a oneof's is).
    var encoded: ProtobufWriter {
        var message = ProtobufWriter()
        switch self {
        case .number(let number): message.double(2, number, always: true)
        case .text(let text): message.string(3, text, always: true)
        case .flag(let flag): message.bool(4, flag, always: true)
        }
        return message
    }

    /// The serialized `ListValue` of `values`.
    static func list(_ values: [HParamValue]) -> ProtobufWriter {
        var message = ProtobufWriter()
        for value in values { message.message(1, value.encoded) }
        return message
    }
}
