/// What the hparams plugin reads from a summary: the `HParamsPluginData` message of
/// tensorboard/plugins/hparams/plugin_data.proto (version 0), as the `content` of a value
/// tagged `_hparams_/experiment`, `_hparams_/session_start_info` or `_hparams_/session_end_info`
/// whose plugin is `hparams`.
///
/// ```proto
/// message HParamsPluginData {
///   int32 version = 1;
///   oneof data { Experiment experiment = 2; SessionStartInfo session_start_info = 3; SessionEndInfo session_end_info = 4; }
/// }
/// message SessionStartInfo { map<string, google.protobuf.Value> hparams = 1; string group_name = 4; double start_time_secs = 5; ... }
/// message SessionEndInfo { Status status = 1; double end_time_secs = 2; }
/// ```
///
/// The experiment (once, in the log folder's own run) names the columns of the HPARAMS tab;
/// each run's session start gives its row, its session end its status.
public enum HParamsPluginData: Sendable, Equatable {
    case experiment(HParamsExperiment)
    /// A run's hyperparameters (a map, written in the order of its names) and when it started.
    case sessionStart(hparams: [String: HParamValue], startTime: Double)
    /// How a run ended, and when.
    case sessionEnd(status: SessionStatus, endTime: Double)

    /// `tensorboard.hparams.Status`, of which expt writes these (`STATUS_RUNNING = 3` is never
    /// written: a run's end is written once it has ended).
    public enum SessionStatus: Int64, Sendable {
        case unknown = 0
        case success = 1
        case failure = 2
    }

    /// The plugin's name, and the version of its data that expt writes.
    public static let pluginName = "hparams"
    static let version: Int64 = 0

    /// The tag of the summary value that carries the data.
    public var tag: String {
        switch self {
        case .experiment: "_hparams_/experiment"
        case .sessionStart: "_hparams_/session_start_info"
        case .sessionEnd: "_hparams_/session_end_info"
        }
    }

    /// The serialized `HParamsPluginData`. A map's entries (`key = 1`, `value = 2`) are written
    /// in the order of their keys, as protobuf's deterministic serialization writes them.
    public var encoded: [UInt8] {
        var message = ProtobufWriter()
        message.integer(1, Self.version)
        switch self {
        case .experiment(let experiment):
            message.message(2, experiment.encoded)
        case .sessionStart(let hparams, let startTime):
            message.message(3) { info in
                for (name, value) in hparams.sorted(by: { $0.key < $1.key }) {
                    info.message(1) { entry in
                        entry.string(1, name, always: true)
                        entry.message(2, value.encoded)
                    }
                }
                info.double(5, startTime)
            }
        case .sessionEnd(let status, let endTime):
            message.message(4) { info in
                info.integer(1, status.rawValue)
                info.double(2, endTime)
            }
        }
        return message.bytes
    }

    /// The summary value that carries it.
    public var summaryValue: SummaryValue {
        SummaryValue(tag: tag, value: .plugin(name: Self.pluginName, content: encoded))
    }
}
