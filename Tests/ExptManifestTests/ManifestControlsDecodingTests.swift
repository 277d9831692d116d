import ExptOptim
import Testing
@testable import ExptManifest

/// `schedule`, `clip` and `param_groups` decoded, with their defaults and how variants override them.
struct ManifestControlsDecodingTests {
    private func configs(_ text: String) throws -> [String: RunConfig] {
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        return Dictionary(uniqueKeysWithValues: experiment.variants.map { ($0.name, $0.config) })
    }

    static let shared = """
        name: controls
        data: {dataset: spirals, classes: 2}
        model: [{dense: 8, activation: relu}, {dense: 4, activation: tanh}, {dense: 2}]
        train: {epochs: 20}
        optimizer: {name: sgd, lr: 0.1, momentum: 0.9}
        schedule: {name: cosine, t_max: 40, warmup: {epochs: 2}}
        clip: {norm: 1.0}

        """

    @Test func topLevelSettingsAndTheirDefaults() throws {
        let c = try configs(Self.shared + "variants: {plain: {}}")
        let plain = try #require(c["plain"])
        #expect(plain.schedule == ScheduleConfig(kind: .cosine(tMax: 40, etaMin: 0), interval: .epoch,
                                                 warmup: .init(length: 2, unit: .epoch, startFactor: 1.0 / 3.0)))
        #expect(plain.clipping == GradientClipping(maxNorm: 1))
        #expect(plain.parameterGroups == [])
    }

    @Test func variantsMergeScheduleAndClipAndReplaceGroups() throws {
        let c = try configs(Self.shared + """
            param_groups: [{layers: 2, optimizer: {lr: 0.01}}]
            variants:
              longer:
                schedule: {t_max: 80}
                clip: {value: 0.5}
              plateau:
                schedule: {name: plateau, metric: val_accuracy, patience: 3}
              groups:
                param_groups:
                  - layers: [2]
                    optimizer: {name: adam, lr: 0.001}
                  - layers: [0]
                    optimizer: {lr: 0.05}
            """)
        // Same schedule name: merged key by key; clip merges too.
        let longer = try #require(c["longer"])
        #expect(longer.schedule?.kind == .cosine(tMax: 80, etaMin: 0))
        #expect(longer.schedule?.warmup?.length == 2)
        #expect(longer.clipping == GradientClipping(maxNorm: 1, maxValue: 0.5))
        #expect(longer.parameterGroups == [ParameterGroup(layers: [2], optimizer: .sgd(SGDHyperparameters(lr: 0.01, momentum: 0.9)))])
        // Another schedule name replaces the top-level schedule; plateau's mode follows its metric.
        let plateau = try #require(c["plateau"])
        #expect(plateau.schedule == ScheduleConfig(kind: .plateau(PlateauSettings(metric: .validationAccuracy, mode: .max, patience: 3))))
        #expect(plateau.schedule?.interval == .epoch)
        // A group's optimizer with another name replaces; without a name it merges over the run's.
        let groups = try #require(c["groups"])
        #expect(groups.parameterGroups == [
            ParameterGroup(layers: [2], optimizer: .adam(AdamHyperparameters(lr: 0.001))),
            ParameterGroup(layers: [0], optimizer: .sgd(SGDHyperparameters(lr: 0.05, momentum: 0.9))),
        ])
    }

    @Test(arguments: [
        ("{name: step, step_size: 5}", ScheduleConfig.Kind.step(stepSize: 5, gamma: 0.1)),
        ("{name: multistep, milestones: [3, 7], gamma: 0.5}", .multistep(milestones: [3, 7], gamma: 0.5)),
        ("{name: exponential, gamma: 0.95}", .exponential(gamma: 0.95)),
        ("{name: inverse_time, decay_rate: 0.5}", .inverseTime(decayRate: 0.5)),
        ("{name: polynomial}", .polynomial(totalIterations: nil, power: 1, endLearningRate: 0)),
        ("{name: cosine_restarts, t_0: 5, t_mult: 2}", .cosineRestarts(t0: 5, tMult: 2, etaMin: 0)),
        ("{name: onecycle, max_lr: 0.5}", .oneCycle(maxLearningRate: 0.5, pctStart: 0.3, anneal: .cosine, divFactor: 25, finalDivFactor: 1e4)),
        ("constant", .constant),
    ])
    func everyScheduleWithItsDefaults(_ written: String, _ expected: ScheduleConfig.Kind) throws {
        let c = try configs(Self.shared + "variants: {v: {schedule: \(written)}}")
        let schedule = try #require(c["v"]?.schedule)
        #expect(schedule.kind == expected)
        // onecycle is per step; the others default to per epoch.
        #expect(schedule.interval == (expected.name == "onecycle" ? .step : .epoch))
    }

    @Test func warmupInStepsOnAPerStepSchedule() throws {
        let c = try configs(Self.shared + "variants: {v: {schedule: {name: exponential, gamma: 0.9, interval: step, warmup: {steps: 50, start_factor: 0}}}}")
        #expect(c["v"]?.schedule == ScheduleConfig(kind: .exponential(gamma: 0.9), interval: .step,
                                                   warmup: .init(length: 50, unit: .step, startFactor: 0)))
    }

    @Test func anErrorInAVariantScheduleHasTheVariantsPath() {
        let text = Self.shared + "variants: {v: {schedule: {name: plateau, patience: -1}}}"
        #expect(errorText(text) == """
            x.yaml:8:52: error: variants.v.schedule.patience: expected a non-negative integer, found -1
            variants: {v: {schedule: {name: plateau, patience: -1}}}
                                                               ^
            """)
    }
}
