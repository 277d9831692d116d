/// The bytes of one protocol-buffer message, written field by field in the wire format
/// (https://protobuf.dev/programming-guides/encoding/): each field is its key, the varint
/// `number << 3 | wire type`, then its value: a varint (type 0: integers, booleans, enums), eight
/// little-endian bytes (type 1: double), a varint length and that many bytes (type 2: strings,
/// bytes, embedded messages), or four little-endian bytes (type 5: float).
///
/// The few messages TensorBoard reads are written by hand with it (`TensorBoardEvent`,
/// `HParamsPluginData`): no generated code, no `protoc` plugin, no dependency. As proto3 does,
/// a plain scalar field at its default (0, empty) is left out; a member of a `oneof` is written
/// whatever its value (`always: true`), since being set is what it says.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    enum WireType: UInt64 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    /// `value` as a base-128 varint: seven bits a byte, least significant first, the high bit
    /// set on every byte but the last.
    static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value
        var encoded: [UInt8] = []
        while rest >= 0x80 {
            encoded.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        encoded.append(UInt8(rest))
        return encoded
    }

    private mutating func key(_ number: Int, _ type: WireType) {
        bytes += Self.varint(UInt64(number) << 3 | type.rawValue)
    }

    /// An int32, int64, enum or bool field (a negative value as ten bytes, two's complement).
    mutating func integer(_ number: Int, _ value: Int64, always: Bool = false) {
        guard always || value != 0 else { return }
        key(number, .varint)
        bytes += Self.varint(UInt64(bitPattern: value))
    }

    mutating func bool(_ number: Int, _ value: Bool, always: Bool = false) {
        integer(number, value ? 1 : 0, always: always)
    }

    mutating func double(_ number: Int, _ value: Double, always: Bool = false) {
        guard always || value.bitPattern != 0 else { return }
        key(number, .fixed64)
        bytes += TFRecord.littleEndianBytes(value.bitPattern)
    }

    mutating func float(_ number: Int, _ value: Float, always: Bool = false) {
        guard always || value.bitPattern != 0 else { return }
        key(number, .fixed32)
        bytes += TFRecord.littleEndianBytes(value.bitPattern)
    }

    mutating func string(_ number: Int, _ value: String, always: Bool = false) {
        data(number, Array(value.utf8), always: always)
    }

    /// A `bytes` field.
    mutating func data(_ number: Int, _ value: [UInt8], always: Bool = false) {
        guard always || !value.isEmpty else { return }
        key(number, .lengthDelimited)
        bytes += Self.varint(UInt64(value.count)) + value
    }

    /// An embedded message, written even when empty: a message field is present once set.
    mutating func message(_ number: Int, _ value: ProtobufWriter) {
        data(number, value.bytes, always: true)
    }

    /// A message built by `build`, as ``message(_:_:)``.
    mutating func message(_ number: Int, _ build: (inout ProtobufWriter) -> Void) {
        var value = ProtobufWriter()
        build(&value)
        message(number, value)
    }
}
