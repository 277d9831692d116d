import ExptReport
import Foundation

/// GitHub Actions' job summary: when `GITHUB_STEP_SUMMARY` names a file, the report's summary
/// (the comparison and the expectations) is appended to it, so that it shows on the run's page.
enum StepSummary {
    /// Appends `report.stepSummary()` to the file `environment["GITHUB_STEP_SUMMARY"]` names,
    /// creating it if missing; does nothing when the variable is unset or empty.
    static func append(_ report: Report, environment: [String: String]) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((report.stepSummary() + "\n").utf8))
    }
}
