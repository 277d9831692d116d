import ExptStore
import Foundation

/// The report's files in a results folder, replaced as one set.
///
/// The new files are written whole into a fresh hidden folder beside them (`.report-new/`),
/// where a failed write (a full disk, a read-only folder) leaves the previous files untouched
/// and the fresh folder is removed. Then each file is renamed over its old copy (rename(2),
/// which needs no space and is atomic per file), `charts/` is swapped as a whole (so charts
/// that are no longer drawn go with the old folder), and report.md goes last: whoever reads
/// report.md sees the new one only once every file it refers to is new.
struct ReportFiles {
    let directory: String

    static let stagingName = ".report-new"

    private var staging: String {
        path(Self.stagingName)
    }

    private func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// Replaces `files` (name, text; the last one goes last) and the folder `charts/` (file name, SVG).
    func replace(
        files: [(name: String, text: String)], charts: [(file: String, svg: String)],
        writingFile: (String, String) throws(AtomicWrite.Failure) -> Void
    ) throws(AtomicWrite.Failure) {
        try AtomicWrite.makeFolder(directory)
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try AtomicWrite.makeFolder(staging)
        let stagedCharts = (staging as NSString).appendingPathComponent("charts")
        try AtomicWrite.makeFolder(stagedCharts)
        for (name, text) in files {
            try writingFile(text, (staging as NSString).appendingPathComponent(name))
        }
        for (file, svg) in charts {
            try writingFile(svg, (stagedCharts as NSString).appendingPathComponent(file))
        }
        for (name, _) in files.dropLast() {
            try AtomicWrite.move((staging as NSString).appendingPathComponent(name), to: path(name))
        }
        try swapCharts(stagedCharts, keep: !charts.isEmpty)
        if let last = files.last {
            try AtomicWrite.move((staging as NSString).appendingPathComponent(last.name), to: path(last.name))
        }
    }

    /// Moves the old `charts/` into the staging folder (removed with it) and the new one, when
    /// there are charts, into its place.
    private func swapCharts(_ stagedCharts: String, keep: Bool) throws(AtomicWrite.Failure) {
        let charts = path("charts")
        if FileManager.default.fileExists(atPath: charts) {
            try AtomicWrite.move(charts, to: (staging as NSString).appendingPathComponent("old-charts"))
        }
        if keep { try AtomicWrite.move(stagedCharts, to: charts) }
    }
}
