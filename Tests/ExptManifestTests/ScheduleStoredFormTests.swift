import Foundation
import Testing
@testable import ExptManifest

/// The stored form of every schedule: the JSON a run's config.json (and so its run id) holds
/// for a decoded `schedule`, key for key. No committed results folder uses a schedule, so this
/// is what keeps the run ids of scheduled runs fixed while the schedules change shape; and
/// the schedule's line in the summary and the report.
struct ScheduleStoredFormTests {
    static let manifest = """
        name: stored
        data: {dataset: spirals, classes: 2}
        model: [{dense: 2}]
        train: {epochs: 20}
        optimizer: {name: sgd, lr: 0.1}
        variants: {v: {}}

        """

    /// A `schedule:` value, the JSON it is stored as (sorted keys, no spaces) and its line in
    /// reports (`ScheduleConfig.description`).
    static let cases: [(schedule: String, stored: String, report: String)] = [
        ("constant", #"{"interval":"epoch","kind":{"constant":{}}}"#,
         "constant per epoch"),
        ("{name: step, step_size: 5}", #"{"interval":"epoch","kind":{"step":{"gamma":0.1,"stepSize":5}}}"#,
         "step (step_size 5, gamma 0.1) per epoch"),
        ("{name: multistep, milestones: [10, 20], gamma: 0.5}",
         #"{"interval":"epoch","kind":{"multistep":{"gamma":0.5,"milestones":[10,20]}}}"#,
         "multistep (milestones [10, 20], gamma 0.5) per epoch"),
        ("{name: exponential, gamma: 0.9, interval: step}", #"{"interval":"step","kind":{"exponential":{"gamma":0.9}}}"#,
         "exponential (gamma 0.9) per step"),
        ("{name: inverse_time, decay_rate: 0.5}", #"{"interval":"epoch","kind":{"inverseTime":{"decayRate":0.5}}}"#,
         "inverse_time (decay_rate 0.5) per epoch"),
        ("polynomial", #"{"interval":"epoch","kind":{"polynomial":{"endLearningRate":0,"power":1}}}"#,
         "polynomial (power 1.0, end_lr 0.0) per epoch"),
        ("{name: polynomial, total_iters: 100, power: 2, end_lr: 0.001}",
         #"{"interval":"epoch","kind":{"polynomial":{"endLearningRate":0.001,"power":2,"totalIterations":100}}}"#,
         "polynomial (total_iters 100, power 2.0, end_lr 0.001) per epoch"),
        ("cosine", #"{"interval":"epoch","kind":{"cosine":{"etaMin":0}}}"#,
         "cosine (eta_min 0.0) per epoch"),
        ("{name: cosine, t_max: 40, warmup: {epochs: 2, start_factor: 0.5}}",
         #"{"interval":"epoch","kind":{"cosine":{"etaMin":0,"tMax":40}},"warmup":{"length":2,"startFactor":0.5,"unit":"epoch"}}"#,
         "cosine (t_max 40, eta_min 0.0) per epoch, warm-up 2 epochs from 0.5"),
        ("{name: cosine_restarts, t_0: 10, t_mult: 2, eta_min: 0.01}",
         #"{"interval":"epoch","kind":{"cosineRestarts":{"etaMin":0.01,"t0":10,"tMult":2}}}"#,
         "cosine_restarts (t_0 10, t_mult 2, eta_min 0.01) per epoch"),
        ("{name: onecycle, max_lr: 1}",
         #"{"interval":"step","kind":{"oneCycle":{"anneal":"cos","divFactor":25,"finalDivFactor":10000,"maxLearningRate":1,"pctStart":0.3}}}"#,
         "onecycle (max_lr 1.0, pct_start 0.3, anneal_strategy cos, div_factor 25.0, final_div_factor 10000.0) per step"),
        ("{name: onecycle, max_lr: 0.5, anneal_strategy: linear, warmup: {steps: 100}}",
         #"{"interval":"step","kind":{"oneCycle":{"anneal":"linear","divFactor":25,"finalDivFactor":10000,"maxLearningRate":0.5,"pctStart":0.3}},"#
            + #""warmup":{"length":100,"startFactor":0.3333333333333333,"unit":"step"}}"#,
         "onecycle (max_lr 0.5, pct_start 0.3, anneal_strategy linear, div_factor 25.0, final_div_factor 10000.0) per step, warm-up 100 steps from 0.3333333333333333"),
        ("{name: plateau, metric: val_accuracy, patience: 3}",
         #"{"interval":"epoch","kind":{"plateau":{"_0":{"cooldown":0,"factor":0.1,"metric":"val_accuracy","#
            + #""minimumLearningRate":0,"mode":"max","patience":3,"threshold":0.0001,"thresholdMode":"rel"}}}}"#,
         "plateau (metric val_accuracy, mode max, factor 0.1, patience 3, threshold 0.0001, threshold_mode rel, cooldown 0, min_lr 0.0) per epoch"),
        ("{name: plateau, mode: min, factor: 0.5, threshold_mode: abs, cooldown: 2, min_lr: 0.001}",
         #"{"interval":"epoch","kind":{"plateau":{"_0":{"cooldown":2,"factor":0.5,"metric":"val_loss","#
            + #""minimumLearningRate":0.001,"mode":"min","patience":10,"threshold":0.0001,"thresholdMode":"abs"}}}}"#,
         "plateau (metric val_loss, mode min, factor 0.5, patience 10, threshold 0.0001, threshold_mode abs, cooldown 2, min_lr 0.001) per epoch"),
    ]

    @Test(arguments: cases)
    func storedFormAndReportLine(schedule: String, stored: String, report: String) throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest + "schedule: \(schedule)\n", path: "x.yaml")
        let config = try #require(experiment.variants.first?.config.schedule)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(config), as: UTF8.self) == stored)
        #expect(config.description == report)
    }
}
