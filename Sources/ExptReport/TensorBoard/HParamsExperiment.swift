/// The hparams plugin's description of an experiment: its hyperparameters and metrics, the
/// columns of the HPARAMS tab (`Experiment`, `HParamInfo` and `MetricInfo` of
/// tensorboard/plugins/hparams/api.proto).
///
/// ```proto
/// message Experiment { string description = 1; double time_created_secs = 3;
///   repeated HParamInfo hparam_infos = 4; repeated MetricInfo metric_infos = 5; string name = 6; }
/// message HParamInfo { string name = 1; DataType type = 4;
///   oneof domain { google.protobuf.ListValue domain_discrete = 5; Interval domain_interval = 6; } }
/// message Interval { double min_value = 1; double max_value = 2; }
/// message MetricInfo { MetricName name = 1; DatasetType dataset_type = 5; }
/// message MetricName { string group = 1; string tag = 2; }
/// ```
public struct HParamsExperiment: Sendable, Equatable {
    /// One hyperparameter: its name, its type and the values it takes.
    public struct HParam: Sendable, Equatable {
        public enum Domain: Sendable, Equatable {
            /// The values, in the order given (strings and bools).
            case discrete([HParamValue])
            /// Every value lies in [min, max] (numbers).
            case interval(min: Double, max: Double)
        }

        public var name: String
        public var domain: Domain

        public init(name: String, domain: Domain) {
            self.name = name
            self.domain = domain
        }

        /// `tensorboard.hparams.DataType`: STRING 1, BOOL 2, FLOAT64 3, read from the domain.
        var dataType: Int64 {
            switch domain {
            case .interval: 3
            case .discrete(let values): values.allSatisfy { if case .flag = $0 { true } else { false } } && !values.isEmpty ? 2 : 1
            }
        }

        var encoded: ProtobufWriter {
            var message = ProtobufWriter()
            message.string(1, name)
            message.integer(4, dataType)
            switch domain {
            case .discrete(let values):
                message.message(5, HParamValue.list(values))
            case .interval(let min, let max):
                message.message(6) { interval in
                    interval.double(1, min)
                    interval.double(2, max)
                }
            }
            return message
        }
    }

    /// One metric: a scalar tag of the runs, and the data it is measured on.
    public struct Metric: Sendable, Equatable {
        /// `tensorboard.hparams.DatasetType`.
        public enum Dataset: Int64, Sendable {
            case unknown = 0
            case training = 1
            case validation = 2
        }

        public var tag: String
        public var dataset: Dataset

        public init(tag: String, dataset: Dataset) {
            self.tag = tag
            self.dataset = dataset
        }

        /// A `MetricInfo` whose name's group is empty: the scalar lives in the session's own run.
        var encoded: ProtobufWriter {
            var message = ProtobufWriter()
            message.message(1) { name in name.string(2, tag) }
            message.integer(5, dataset.rawValue)
            return message
        }
    }

    public var name: String
    public var description: String
    /// Seconds since 1970.
    public var timeCreated: Double
    public var hparams: [HParam]
    public var metrics: [Metric]

    public init(name: String, description: String, timeCreated: Double, hparams: [HParam], metrics: [Metric]) {
        self.name = name
        self.description = description
        self.timeCreated = timeCreated
        self.hparams = hparams
        self.metrics = metrics
    }

    /// The serialized `Experiment`, its fields in the order of their numbers.
    var encoded: ProtobufWriter {
        var message = ProtobufWriter()
        message.string(1, description)
        message.double(3, timeCreated)
        for hparam in hparams { message.message(4, hparam.encoded) }
        for metric in metrics { message.message(5, metric.encoded) }
        message.string(6, name)
        return message
    }
}
