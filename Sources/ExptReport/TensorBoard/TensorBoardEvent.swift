/// One record of a TensorBoard event file: the `Event` message of
/// tensorboard/compat/proto/event.proto, with the two contents expt writes.
///
/// ```proto
/// message Event {
///   double wall_time = 1;            // seconds since 1970
///   int64 step = 2;
///   oneof what { string file_version = 3; Summary summary = 5; }
/// }
/// message Summary { repeated Value value = 1; }
/// ```
public struct TensorBoardEvent: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// The first event of every file: `brain.Event:2`.
        case fileVersion(String)
        /// Tagged values at a step.
        case summary([SummaryValue])
    }

    /// The version string that opens an event file.
    public static let fileVersion = "brain.Event:2"

    /// Seconds since 1970-01-01 UTC.
    public var wallTime: Double
    public var step: Int64
    public var content: Content

    public init(wallTime: Double, step: Int64, content: Content) {
        self.wallTime = wallTime
        self.step = step
        self.content = content
    }

    /// The serialized `Event`.
    public var encoded: [UInt8] {
        var event = ProtobufWriter()
        event.double(1, wallTime)
        event.integer(2, step)
        switch content {
        case .fileVersion(let version):
            event.string(3, version, always: true)
        case .summary(let values):
            event.message(5) { summary in
                for value in values { summary.message(1, value.encoded) }
            }
        }
        return event.bytes
    }

    /// The event as one TFRecord, ready to append to an event file.
    public var record: [UInt8] {
        TFRecord.framing(encoded)
    }
}
