import ExptOptim
import Testing
@testable import ExptManifest

/// `muon`, `schedule_free_sgd` and `schedule_free_adamw` in a manifest: every key, the defaults,
/// and the errors.
struct RecentOptimizerDecodingTests {
    @Test func bareNamesGiveTheReferenceDefaults() throws {
        #expect(try OptimizerDecodingTests.decode("muon") == .muon(MuonHyperparameters()))
        #expect(try OptimizerDecodingTests.decode("schedule_free_sgd") == OptimizerConfig(ScheduleFreeSGDHyperparameters()))
        #expect(try OptimizerDecodingTests.decode("schedule_free_adamw") == OptimizerConfig(ScheduleFreeAdamWHyperparameters()))
        let muon = MuonHyperparameters()
        #expect(muon.lr == 0.001 && muon.weightDecay == 0.1 && muon.momentum == 0.95 && muon.nesterov && muon.eps == 1e-7)
        #expect(muon.nsSteps == 5 && muon.adjustLRFunction == .original)
        #expect(muon.adamwLR == 0.001 && muon.adamwBeta1 == 0.9 && muon.adamwBeta2 == 0.999 && muon.adamwEps == 1e-8)
        #expect(muon.adamwWeightDecay == 0.01)
        let sgd = ScheduleFreeSGDHyperparameters()
        #expect(sgd.lr == 1 && sgd.momentum == 0.9 && sgd.weightDecay == 0 && sgd.warmupSteps == 0 && sgd.r == 0 && sgd.weightLRPower == 2)
        let adamw = ScheduleFreeAdamWHyperparameters()
        #expect(adamw.lr == 0.0025 && adamw.beta1 == 0.9 && adamw.beta2 == 0.999 && adamw.eps == 1e-8 && adamw.weightDecay == 0)
        #expect(adamw.warmupSteps == 0 && adamw.r == 0 && adamw.weightLRPower == 2)
    }

    @Test func muonReadsEveryKey() throws {
        let decoded = try OptimizerDecodingTests.decode("""
            {name: muon, lr: 0.02, weight_decay: 0.05, momentum: 0.9, nesterov: false, eps: 1.0e-6, ns_steps: 3, \
            adjust_lr_fn: match_rms_adamw, adamw_lr: 3.0e-4, adamw_betas: [0.8, 0.95], adamw_eps: 1.0e-10, adamw_weight_decay: 0}
            """)
        var expected = MuonHyperparameters()
        expected.lr = 0.02
        expected.weightDecay = 0.05
        expected.momentum = 0.9
        expected.nesterov = false
        expected.eps = 1e-6
        expected.nsSteps = 3
        expected.adjustLRFunction = .matchRMSAdamW
        expected.adamwLR = 3e-4
        expected.adamwBeta1 = 0.8
        expected.adamwBeta2 = 0.95
        expected.adamwEps = 1e-10
        expected.adamwWeightDecay = 0
        #expect(decoded == .muon(expected))
    }

    @Test func scheduleFreeSGDReadsEveryKey() throws {
        let decoded = try OptimizerDecodingTests.decode(
            "{name: schedule_free_sgd, lr: 0.5, momentum: 0.8, weight_decay: 0.01, warmup_steps: 100, r: 1, weight_lr_power: 0}")
        var expected = ScheduleFreeSGDHyperparameters()
        expected.lr = 0.5
        expected.momentum = 0.8
        expected.weightDecay = 0.01
        expected.warmupSteps = 100
        expected.r = 1
        expected.weightLRPower = 0
        #expect(decoded == OptimizerConfig(expected))
    }

    @Test func scheduleFreeAdamWReadsEveryKey() throws {
        let decoded = try OptimizerDecodingTests.decode("""
            {name: schedule_free_adamw, lr: 0.01, betas: [0.95, 0.99], eps: 1.0e-6, weight_decay: 0.1, warmup_steps: 50, \
            r: 0.5, weight_lr_power: 1}
            """)
        var expected = ScheduleFreeAdamWHyperparameters()
        expected.lr = 0.01
        expected.beta1 = 0.95
        expected.beta2 = 0.99
        expected.eps = 1e-6
        expected.weightDecay = 0.1
        expected.warmupSteps = 50
        expected.r = 0.5
        expected.weightLRPower = 1
        #expect(decoded == OptimizerConfig(expected))
    }

    static let errors: [ErrorCase] = [
        ErrorCase("torch's ns_coefficients in muon", replacing: "{name: sgd, lr: 0.1}", with: "{name: muon, ns_coefficients: [3.4, -4.7, 2.0]}", #"""
            x.yaml:11:25: error: optimizer.ns_coefficients: unknown key "ns_coefficients"; expected one of: adamw_betas, adamw_eps, adamw_lr, adamw_weight_decay, adjust_lr_fn, eps, lr, momentum, name, nesterov, ns_steps, weight_decay
            optimizer: {name: muon, ns_coefficients: [3.4, -4.7, 2.0]}
                                    ^
            """#),
        ErrorCase("unknown lr adjustment", replacing: "{name: sgd, lr: 0.1}", with: "{name: muon, adjust_lr_fn: moonshot}", #"""
            x.yaml:11:39: error: optimizer.adjust_lr_fn: unknown adjust_lr_fn "moonshot"; expected one of: match_rms_adamw, original
            optimizer: {name: muon, adjust_lr_fn: moonshot}
                                                  ^
            """#),
        ErrorCase("no Newton-Schulz steps", replacing: "{name: sgd, lr: 0.1}", with: "{name: muon, ns_steps: 0}", #"""
            x.yaml:11:35: error: optimizer.ns_steps: expected a positive integer, found 0
            optimizer: {name: muon, ns_steps: 0}
                                              ^
            """#),
        ErrorCase("nesterov in schedule-free SGD", replacing: "{name: sgd, lr: 0.1}", with: "{name: schedule_free_sgd, nesterov: true}", #"""
            x.yaml:11:38: error: optimizer.nesterov: unknown key "nesterov"; expected one of: lr, momentum, name, r, warmup_steps, weight_decay, weight_lr_power
            optimizer: {name: schedule_free_sgd, nesterov: true}
                                                 ^
            """#),
        ErrorCase("schedule-free momentum of 1", replacing: "{name: sgd, lr: 0.1}", with: "{name: schedule_free_sgd, momentum: 1}", #"""
            x.yaml:11:48: error: optimizer.momentum: expected a number in (0, 1), found 1
            optimizer: {name: schedule_free_sgd, momentum: 1}
                                                           ^
            """#),
        ErrorCase("amsgrad in schedule-free AdamW", replacing: "{name: sgd, lr: 0.1}", with: "{name: schedule_free_adamw, amsgrad: true}", #"""
            x.yaml:11:40: error: optimizer.amsgrad: unknown key "amsgrad"; expected one of: betas, eps, lr, name, r, warmup_steps, weight_decay, weight_lr_power
            optimizer: {name: schedule_free_adamw, amsgrad: true}
                                                   ^
            """#),
        ErrorCase("schedule-free beta1 of 0", replacing: "{name: sgd, lr: 0.1}", with: "{name: schedule_free_adamw, betas: [0, 0.999]}", #"""
            x.yaml:11:47: error: optimizer.betas: beta1 must be greater than 0
            optimizer: {name: schedule_free_adamw, betas: [0, 0.999]}
                                                          ^
            """#),
        ErrorCase("negative warm-up", replacing: "{name: sgd, lr: 0.1}", with: "{name: schedule_free_adamw, warmup_steps: -1}", #"""
            x.yaml:11:54: error: optimizer.warmup_steps: expected a non-negative integer, found -1
            optimizer: {name: schedule_free_adamw, warmup_steps: -1}
                                                                 ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
