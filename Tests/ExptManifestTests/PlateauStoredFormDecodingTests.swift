import Foundation
import Testing
import ExptOptim
@testable import ExptManifest

/// `PlateauSettings` holds the metric beside `ReduceOnPlateau.Parameters` but stores them as the
/// keys of one object (ScheduleStoredFormTests pins the encoding): the stored form reads back
/// into the same settings, and a missing metric is reported at its key.
struct PlateauStoredFormDecodingTests {
    @Test func theStoredFormReadsBackIntoTheSameSettings() throws {
        let stored = #"{"cooldown":2,"factor":0.5,"metric":"val_accuracy","minimumLearningRate":0.001,"mode":"max","#
            + #""patience":3,"threshold":0.0001,"thresholdMode":"abs"}"#
        let settings = try JSONDecoder().decode(PlateauSettings.self, from: Data(stored.utf8))
        #expect(settings.metric == .validationAccuracy)
        #expect(settings.parameters == ReduceOnPlateau.Parameters(
            mode: .max, factor: 0.5, patience: 3, threshold: 0.0001, thresholdMode: .absolute, cooldown: 2,
            minimumLearningRate: 0.001))
    }

    @Test func aStoredFormWithoutTheMetricIsRejectedAtThatKey() {
        let stored = #"{"cooldown":0,"factor":0.1,"minimumLearningRate":0,"mode":"min","patience":10,"threshold":0.0001,"#
            + #""thresholdMode":"rel"}"#
        do {
            let settings = try JSONDecoder().decode(PlateauSettings.self, from: Data(stored.utf8))
            Issue.record("decoded \(settings) without a metric")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "metric")
        } catch {
            Issue.record("expected the missing key metric, got \(error)")
        }
    }
}
