import ExptStore
import Foundation

extension TensorBoardLog {
    /// Writes the log of the stored `records` into `tensorboard/` of the results folder
    /// `directory`, replacing the folder as a whole: the files are written into a fresh hidden
    /// folder beside it (`.tensorboard-new/`, removed when a write fails, the old log left
    /// whole), which then takes the old one's place.
    ///
    /// The bytes depend on the stored runs alone. `finished` holds each run's end by run id
    /// (ISO 8601, as status.json stores it); a run's events are timed from its start, its end
    /// less its stored seconds: each epoch at the start plus its `seconds`, the closing events
    /// at the end (a run without an end in `finished` starts at 0). The folder's own file is
    /// timed at the earliest start (0 without runs).
    public func rebuild(records: [RunRecord], finished: [String: String], in directory: String) throws(AtomicWrite.Failure) {
        let target = (directory as NSString).appendingPathComponent(Self.folderName)
        let staging = (directory as NSString).appendingPathComponent(".\(Self.folderName)-new")
        let old = (directory as NSString).appendingPathComponent(".\(Self.folderName)-old")
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let parser = ISO8601DateFormatter()
        var starts: [Double] = []
        for record in records {
            let end = finished[record.spec.id].flatMap { parser.date(from: $0) }?.timeIntervalSince1970 ?? record.seconds
            let start = end - record.seconds
            starts.append(start)
            let events = opening(record.spec, wallTime: start)
                + record.epochs.map { metrics in
                    epoch(metrics, layers: record.layers.filter { $0.epoch == metrics.epoch }, wallTime: start + metrics.elapsedSeconds)
                }
                + closing(record, wallTime: end)
            try write(events, to: (staging as NSString).appendingPathComponent(runFolder(of: record.spec)))
        }
        try write(experimentEvents(records: records, wallTime: starts.min() ?? 0), to: staging)
        try? FileManager.default.removeItem(atPath: old)
        if FileManager.default.fileExists(atPath: target) { try AtomicWrite.move(target, to: old) }
        try AtomicWrite.move(staging, to: target)
        try? FileManager.default.removeItem(atPath: old)
    }

    private func write(_ events: [TensorBoardEvent], to folder: String) throws(AtomicWrite.Failure) {
        let file = try EventFile(path: (folder as NSString).appendingPathComponent(Self.eventFileName))
        try file.append(events)
        try file.close()
    }
}
