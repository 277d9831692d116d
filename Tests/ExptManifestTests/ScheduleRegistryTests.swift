import ExptOptim
import Foundation
import Testing
@testable import ExptManifest

/// The registry's schedules, and their stored form read back.
struct ScheduleRegistryTests {
    @Test func theKindsInTheManifestReferenceOrder() {
        #expect(ScheduleRegistry.kinds.map { $0.name } == [
            "constant", "step", "multistep", "exponential", "inverse_time", "polynomial", "cosine", "cosine_restarts", "onecycle", "plateau",
        ])
        #expect(ScheduleRegistry.kinds.map { $0.storedName } == [
            "constant", "step", "multistep", "exponential", "inverseTime", "polynomial", "cosine", "cosineRestarts", "oneCycle", "plateau",
        ])
        #expect(ScheduleRegistry.kinds.filter { $0.storedForm == .wrapped }.map { $0.name } == ["plateau"])
        #expect(ScheduleRegistry.kinds.compactMap { kind in kind.onlyInterval.map { "\(kind.name) \($0.interval)" } }
            == ["onecycle step", "plateau epoch"])
    }

    /// Each stored form of `ScheduleStoredFormTests` decodes to the config the manifest gave.
    @Test(arguments: ScheduleStoredFormTests.cases)
    func theStoredFormReadsBack(schedule: String, stored: String, report: String) throws {
        let experiment = try ManifestLoader.decode(text: ScheduleStoredFormTests.manifest + "schedule: \(schedule)\n", path: "x.yaml")
        let config = try #require(experiment.variants.first?.config.schedule)
        #expect(try JSONDecoder().decode(ScheduleConfig.self, from: Data(stored.utf8)) == config)
    }

    @Test func aStoredFormWithAnUnknownNameIsRejected() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScheduleConfig.self, from: Data(#"{"interval":"epoch","kind":{"inverse_time":{"decayRate":0.5}}}"#.utf8))
        }
    }

    @Test func plateauWatchesItsMetric() {
        let kind = ScheduleConfig.Kind.plateau(PlateauSettings(metric: .validationAccuracy)).settings
        #expect((kind as? any MetricMonitoringSchedule)?.metric == .validationAccuracy)
    }
}
