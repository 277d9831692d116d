import ExptData
import ExptEngine

/// The keys of the manifest around the names: the top level, a variant, `train`, `clip`,
/// `report`, `compare`, a parameter group and `sweep`, with the same ranges the decoders check. The JSON
/// Schema is generated from these and the sections of names; the schema tests check that their
/// keys are the ones the decoders accept.
extension ManifestSchema {
    /// Values that the JSON Schema gives a structure of their own (see `JSONSchemaBuilder`).
    static let nameText = "name: 1 to 100 of A-Z a-z 0-9 - _ ., not starting with ."
    static let seedText = "integer 0 to \(UInt64.max)"
    static let batchSizeText = "integer 1 to \(ManifestDecoder.maximumSamples), or full"
    static let layerIndicesText = "layer index, or non-empty sequence of them"
    static let sweepValuesText = "mapping of key path to a sequence of values or a range {from, to, count, log}"
    static let randomValuesText = "mapping of key path to a sequence of values or a range {from, to, log}"

    static let topLevel = NameSchema("(top level)", "An experiment: the data, the model and the training every run shares, and the variants compared.", [
        SettingSchema("name", .described(nameText), .required, "The experiment's name; also the name of its results folder."),
        SettingSchema("description", .described("string"), .value("\"\""), "What the experiment compares."),
        SettingSchema("seeds", .described("\(seedText), or non-empty sequence of distinct ones"), .value("[0]"),
                      "Every variant is trained once per seed (initialisation and shuffling)."),
        SettingSchema("data", .described("mapping"), .required, "The dataset and its split."),
        SettingSchema("model", .described("non-empty sequence of layers"), .described("none for a test function; required otherwise"),
                      "The network, input to output."),
        SettingSchema("loss", .choice(of: LossKind.self), .name(LossKind.crossEntropy.rawValue), "The training objective."),
        SettingSchema("train", .described("mapping"), .required, "Epochs, batch size, threads (steps for a test function)."),
        SettingSchema("optimizer", .described("optimizer"), .described("none"), "The optimizer of the variants that set none."),
        SettingSchema("optimizers", .described("mapping of name to optimizer"), .described("none"),
                      "The manifest's own optimizers, used by name as built-ins are: a name (A-Z a-z 0-9 - _, starting with a letter, not a built-in's) to an optimizer, or to another of them with keys laid over it."),
        SettingSchema("schedule", .described("schedule"), .described("none (the optimizer's lr throughout)"),
                      "The learning-rate schedule."),
        SettingSchema("clip", .described("mapping"), .described("none"), "Gradient clipping."),
        SettingSchema("param_groups", .described("sequence of groups"), .described("none"),
                      "Layers with their own optimizer or hyperparameters."),
        SettingSchema("compare", .described("mapping"), .described("val_accuracy, its goal"), "Which metric ranks the variants."),
        SettingSchema("sweep", .described("mapping"), .described("none"), "The points of each variant's settings to train."),
        SettingSchema("extends", .described("file name, or sequence of them"), .described("none"),
                      "Manifests this one is laid over, relative to its folder."),
        SettingSchema("variants", .described("non-empty mapping of name to variant"), .required,
                      "The compared configurations, in file order."),
        SettingSchema("expect", .described("assertion, or sequence of them"), .described("none"),
                      "CI assertions over the results: variant.metric > variant.metric, or variant.metric < number (>, >=, <, <=)."),
        SettingSchema("analysis", .described("mapping"), .described("none"), "Sharpness and loss interpolation, measured by every run."),
        SettingSchema("report", .described("mapping"), .described("none"), "Files the results folder holds beyond the report."),
        SettingSchema("init", .described("mapping"), .described("none (the seed's initialisation)"),
                      "The weights every run starts from (docs/weights.md)."),
    ])

    static let initialWeights = NameSchema("(init)", "The weights every run starts from; the file's SHA-256 is part of each run's id.", [
        SettingSchema("from", .described("file name"), .required,
                      "A PyTorch state_dict as NumPy's .npz, relative to the manifest's folder: every array or a subset, each checked against the model."),
        SettingSchema("layers", .described("non-empty sequence of distinct layer indices"), .described("every layer the file has arrays of"),
                      "Load only these layers' arrays (0-based indices into model); the others keep the seed's initialisation."),
    ])

    /// The keys a variant may set, each laid over the top-level value.
    static var variant: NameSchema {
        NameSchema("(variant)", "Settings laid over the top-level ones: mappings merge key by key, sequences and scalars replace.",
                   topLevel.settings.filter { ManifestDecoder.variantKeys.contains($0.key) })
    }

    static let train = NameSchema("(train)", "How long and in what batches; a test function takes steps and record_every instead.", [
        SettingSchema("epochs", .integer(1...ManifestDecoder.maximumEpochs), .required, "Passes over the training set."),
        SettingSchema("batch_size", .described(batchSizeText), .name(TrainConfig.defaultBatchSize.description),
                      "Examples per gradient step; full is full-batch gradient descent."),
        SettingSchema("threads", .integer(1...ManifestDecoder.maximumThreads), .integer(1), "Threads of the run's matrix multiplies (results are the same with any count)."),
        SettingSchema("save_weights", .described("sequence of initial and final"), .described("none"),
                      "Weights a complete run stores as runs/<id>/weights/<which>.npz; not part of the run id."),
        SettingSchema("early_stop", .described("mapping"), .described("none"),
                      "End the run when a metric stops improving (see early_stop)."),
        SettingSchema("checkpoint", .described("mapping"), .described("none"),
                      "Save the training state every N epochs; a killed run resumes there (see checkpoint)."),
        SettingSchema("layer_stats", .flag, .flag(false),
                      "Record each layer's gradient norm, parameter norm and update ratio every epoch (docs/diagnostics.md)."),
        SettingSchema("evaluate_train", .flag, .flag(false),
                      "Evaluate the whole training set after each epoch: train_eval_loss and, for classification, train_accuracy."),
        SettingSchema("steps", .integer(1...ManifestDecoder.maximumFunctionSteps), .required,
                      "Optimizer steps on a test function; each is one epoch."),
        SettingSchema("record_every", .integer(1...ManifestDecoder.maximumFunctionSteps), .integer(1),
                      "Record the metrics of every N-th step of a test function (and of the last)."),
    ])

    static let earlyStop = NameSchema("(early_stop)", "Ends a run after patience epochs without an improvement of its metric.", [
        SettingSchema("metric", .choice(of: Metric.self), .name(Metric.validationLoss.rawValue),
                      "The recorded metric watched; losses improve by falling, accuracies by rising."),
        SettingSchema("patience", .integer(1...ManifestDecoder.maximumEpochs), .required, "Epochs without an improvement before the run ends."),
        SettingSchema("min_delta", .number(.nonNegative), .number(0), "How much better than the best so far counts as an improvement."),
        SettingSchema("restore_best", .flag, .flag(false), "Measure the test set (and keep the weights) of the best epoch."),
    ])

    static let checkpoint = NameSchema("(checkpoint)", "Saves the whole training state; not part of the run id.", [
        SettingSchema("every", .integer(1...ManifestDecoder.maximumEpochs), .required, "Epochs between two checkpoints."),
    ])

    static let clip = NameSchema("(clip)", "Gradient clipping: at least one of norm and value; the norm first.", [
        SettingSchema("norm", .number(.positive), .described("none"), "Largest global L2 norm of the gradient (clip_grad_norm_)."),
        SettingSchema("value", .number(.positive), .described("none"), "Each element is clamped to [-value, value] (clip_grad_value_)."),
    ])

    static let report = NameSchema("(report)", "Files the results folder holds beyond the report; no run's settings or id depend on them.", [
        SettingSchema("tensorboard", .flag, .flag(false),
                      "TensorBoard event files in tensorboard/, written as the runs train and rebuilt by expt report (docs/tensorboard.md)."),
    ])

    static let compare = NameSchema("(compare)", "Which metric ranks the variants.", [
        SettingSchema("metric", .choice(of: Metric.self), .described("val_accuracy; val_loss for regression, train_loss for a test function"),
                      "The metric that ranks the variants."),
        SettingSchema("goal", .choice(of: Goal.self), .described("the metric's own"), "Whether higher or lower is better."),
        SettingSchema("target", .number(.finite), .described("none"), "A value of the metric to reach; the report gives when each variant reached it."),
        SettingSchema("selection", .choice(of: Selection.self), .name(Selection.final.rawValue),
                      "In a sweep, which value of each run scores its point: the last epoch's or the best epoch's."),
    ])

    static let parameterGroup = NameSchema("(param_groups item)", "Layers with their own optimizer, as torch's param_groups.", [
        SettingSchema("layers", .described(layerIndicesText), .required, "0-based indices into model; each layer in at most one group."),
        SettingSchema("optimizer", .described("optimizer"), .required,
                      "Another optimizer's name replaces the run's optimizer; no name, or the same, merges over it."),
    ])

    static let sweep = NameSchema("(sweep)", "The points of a variant's settings to train; a variant's own sweep replaces the top-level one.", [
        SettingSchema("grid", .described(sweepValuesText), .described("none"),
                      "Every combination of the values, the first key varying slowest."),
        SettingSchema("zip", .described(sweepValuesText), .described("none"), "Values that move together; every key has as many."),
        SettingSchema("random", .described(randomValuesText), .described("none"),
                      "samples draws: uniform in [from, to), log-uniform with log: true, or one item of a sequence."),
        SettingSchema("samples", .integer(1...ManifestDecoder.maximumSweepPoints), .described("required with random"), "Random points."),
        SettingSchema("seed", .described(seedText), .integer(0), "Seed of the random draws."),
    ])

    static let sweepRange = NameSchema("(sweep range)", "count values from from to to, evenly spaced or evenly in the logarithm.", [
        SettingSchema("from", .number(.finite), .required, "The first value (positive with log: true)."),
        SettingSchema("to", .number(.finite), .required, "The last value, greater than from."),
        SettingSchema("count", .integer(1...ManifestDecoder.maximumSweepPoints), .required, "How many values (grid and zip only)."),
        SettingSchema("log", .flag, .flag(false), "Evenly in the logarithm."),
    ])
}
