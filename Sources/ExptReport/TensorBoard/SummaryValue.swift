/// One tagged value of a TensorBoard summary: the `Summary.Value` message of
/// tensorboard/compat/proto/summary.proto, either a scalar or a plugin's data.
///
/// ```proto
/// message Value {
///   string tag = 1;
///   oneof value { float simple_value = 2; TensorProto tensor = 8; }
///   SummaryMetadata metadata = 9;    // { PluginData plugin_data = 1 { string plugin_name = 1; bytes content = 2; } }
/// }
/// ```
///
/// A plugin's value carries its data in the metadata's `content` and, as the hparams plugin's
/// own writer does, an empty float tensor (`TensorProto { dtype: DT_FLOAT, tensor_shape { dim { size: 0 } } }`).
public struct SummaryValue: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A scalar, in single precision as TensorBoard stores it.
        case scalar(Float)
        /// `content` for the plugin named `plugin`.
        case plugin(name: String, content: [UInt8])
    }

    public var tag: String
    public var value: Value

    public init(tag: String, value: Value) {
        self.tag = tag
        self.value = value
    }

    /// A scalar value: `value` rounded to single precision.
    public static func scalar(_ tag: String, _ value: Double) -> SummaryValue {
        SummaryValue(tag: tag, value: .scalar(Float(value)))
    }

    /// `tensorflow.DataType.DT_FLOAT`.
    static let floatDataType: Int64 = 1

    /// The serialized `Summary.Value`.
    var encoded: ProtobufWriter {
        var message = ProtobufWriter()
        message.string(1, tag)
        switch value {
        case .scalar(let scalar):
            message.float(2, scalar, always: true)
        case .plugin(let name, let content):
            message.message(8) { tensor in
                tensor.integer(1, Self.floatDataType)
                tensor.message(2) { shape in shape.message(2) { _ in } }
            }
            message.message(9) { metadata in
                metadata.message(1) { pluginData in
                    pluginData.string(1, name)
                    pluginData.data(2, content)
                }
            }
        }
        return message
    }
}
