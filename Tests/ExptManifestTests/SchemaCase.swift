import Foundation
import Testing
@testable import ExptManifest

/// One setting of ``ManifestSchema`` put into a manifest that is valid around it, so that the
/// decoder's verdict on that setting alone can be checked.
struct SchemaCase: CustomTestStringConvertible, Sendable {
    let section: String
    /// The name or shared block (`adam`, `(warmup)`).
    let name: String
    let setting: SettingSchema

    var testDescription: String { "\(name).\(setting.key)" }

    /// Every listed setting of every section.
    static let all: [SchemaCase] = ManifestSchema.sections.flatMap { section in
        (section.names + section.shared).flatMap { entry in
            entry.settings.map { SchemaCase(section: section.name, name: entry.name, setting: $0) }
        }
    }

    /// The settings whose default is a YAML value.
    static let withDefaultValues = all.filter(\.setting.defaultIsValue)

    /// The settings whose values the decoder checks against a range or a set of names.
    static let typed = all.filter {
        switch $0.setting.kind {
        case .number, .integer, .flag, .choice: true
        case .described: false
        }
    }

    /// A value for a key without a YAML default, by `name.key`: what a manifest would write.
    static let examples: [String: String] = [
        "step.step_size": "2", "multistep.milestones": "[1]", "exponential.gamma": "0.5", "inverse_time.decay_rate": "0.1",
        "polynomial.total_iters": "5", "cosine.t_max": "5", "cosine_restarts.t_0": "2", "onecycle.max_lr": "0.1",
        "plateau.mode": "min", "(every schedule).interval": "epoch", "(every schedule).warmup": "{epochs: 1}",
        "(warmup).epochs": "1", "(warmup).steps": "1",
        "idx.images": "i.idx", "idx.labels": "l.idx", "idx.test_images": "i.idx", "idx.test_labels": "l.idx",
        "cifar10.files": "c.bin", "cifar10.test_files": "[c.bin]",
        "csv.path": "t.csv", "csv.label": "y", "csv.targets": "[y]", "text.path": "t.txt",
        "(every dataset).normalize": "standardize", "(every dataset).seed": "7",
        "dense.dense": "4", "dense.init": "he", "conv2d.conv2d": "2", "conv2d.kernel": "1", "conv2d.init": "zeros",
        "maxpool2d.maxpool2d": "1", "maxpool2d.stride": "1", "avgpool2d.avgpool2d": "1", "avgpool2d.stride": "1",
        "flatten.flatten": "~", "dropout.dropout": "0.5", "batchnorm.batchnorm": "~",
        "rnn.rnn": "3", "gru.gru": "3", "lstm.lstm": "3",
        "embedding.embedding": "4", "embedding.dimension": "4", "position_embedding.position_embedding": "~",
        "layer_norm.layer_norm": "~", "attention.attention": "2", "attention.head_size": "2", "feed_forward.feed_forward": "8",
        "transformer_block.transformer_block": "2", "transformer_block.head_size": "2", "transformer_block.hidden": "8",
        "last_position.last_position": "~", "residual.residual": "[{dense: 2}]",
        "sam.base": "sgd", "lookahead.base": "sgd",
    ]

    /// The value to write: the default, or the example.
    var value: String? {
        setting.defaultIsValue ? setting.defaultValue : Self.examples["\(name).\(setting.key)"]
    }

    /// The required keys of the case's name (a layer's kind key among them), with their examples.
    var required: [(String, String)] {
        let entry = ManifestSchema.section(named: section)!.names.first { $0.name == name }
        return (entry?.settings ?? []).filter { $0.defaultValue == "required" || (section == "layers" && $0.key == name) }
            .map { ($0.key, Self.examples["\(name).\($0.key)"] ?? "?") }
    }

    /// Keys another key needs beside it.
    var companions: [(String, String)] {
        switch "\(name).\(setting.key)" {
        case "dense.slope", "conv2d.slope", "batchnorm.slope": [("activation", "leaky_relu")]
        case "idx.test_images": [("test_labels", "l.idx")]
        case "idx.test_labels": [("test_images", "i.idx")]
        case "(warmup).start_factor": [("epochs", "1")]
        case "csv.path", "csv.header": [("label", "y")]
        default: []
        }
    }

    /// The manifest with the case's key at `value` (or without it when nil), beside the keys
    /// it needs; `key` replaces the case's key (for keys the name does not list).
    func manifest(value: String?, key: String? = nil) -> String {
        var pairs = required + companions
        pairs.removeAll { $0.0 == setting.key }
        if let value { pairs.append((key ?? setting.key, value)) }
        var parts = ManifestParts()
        switch section {
        case "optimizers":
            parts.optimizer = Self.flow([("name", name)] + pairs)
        case "transformations":
            let step = name == "scale_by_learning_rate" ? "" : ", scale_by_learning_rate"
            parts.optimizer = "{chain: [\(Self.flow([(name, Self.flow(pairs))]))\(step)]}"
        case "schedules" where name == "(every schedule)":
            parts.schedule = Self.flow([("name", "constant")] + pairs)
        case "schedules" where name == "(warmup)":
            let interval = setting.key == "steps" ? [("interval", "step")] : []
            parts.schedule = Self.flow([("name", "constant")] + interval + [("warmup", Self.flow(pairs))])
        case "schedules":
            parts.schedule = Self.flow([("name", name)] + pairs)
        case "datasets":
            let dataset = name == "(every dataset)" ? "spirals" : name
            parts.fit(dataset: dataset, regression: name == "csv" && setting.key == "targets")
            parts.data = Self.flow([("dataset", dataset)] + pairs)
        default:
            let input = Self.takesSequences.contains(name) ? "{embedding: 4, dimension: 4}, " : ""
            parts.model = "[\(input)\(Self.flow(pairs)), flatten, {dense: 2}]"
        }
        return parts.text
    }

    /// The layers that take a sequence [positions, features] only: an embedding makes one of
    /// the spirals' two values.
    static let takesSequences: Set = ["position_embedding", "attention", "feed_forward", "transformer_block", "last_position"]

    static func flow(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Decodes each text as `x.yaml` in `Fixtures/schema-data`, which holds the data files the
    /// examples name (written by its `make_schema_data.py`); returns the experiments, or the errors.
    static func decode(_ texts: String...) throws -> [Result<Experiment, any Error>] {
        texts.map { text in Result { try ManifestLoader.decode(text: text, path: ManifestDecodingTests.fixtures + "/schema-data/x.yaml") } }
    }
}

/// The parts of a small manifest around the setting under test: spirals, one dense layer,
/// plain SGD, one variant.
struct ManifestParts {
    var data = "{dataset: spirals}"
    var model: String? = "[{dense: 2}]"
    var loss: String?
    var train = "{epochs: 1}"
    var optimizer = "{name: sgd}"
    var schedule: String?

    /// A model and loss that fit `dataset`'s defaults.
    mutating func fit(dataset: String, regression: Bool) {
        switch dataset {
        case "blobs": model = "[{dense: 3}]"
        case "linear", "polynomial": (model, loss) = ("[{dense: 1}]", "mse")
        case "mnist1d", "idx", "cifar10": model = "[flatten, {dense: 10}]"
        case "modular_arithmetic": model = "[{dense: 97}]"
        case "copy", "reverse", "sort": model = "[{embedding: 10, dimension: 4}, {dense: 10}]"
        case "text": model = "[{embedding: 2, dimension: 4}, {dense: 2}]"
        case "csv" where regression: (model, loss) = ("[{dense: 1}]", "mse")
        case "rosenbrock", "beale", "himmelblau", "quadratic", "saddle": (model, train) = (nil, "{steps: 2}")
        default: break
        }
    }

    var text: String {
        var lines = ["name: t", "data: \(data)"]
        if let model { lines.append("model: \(model)") }
        if let loss { lines.append("loss: \(loss)") }
        lines += ["train: \(train)", "optimizer: \(optimizer)"]
        if let schedule { lines.append("schedule: \(schedule)") }
        lines.append("variants: {a: {}}")
        return lines.joined(separator: "\n") + "\n"
    }
}
