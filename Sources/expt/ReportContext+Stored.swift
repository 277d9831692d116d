import ExptReport
import ExptStore
import Foundation

extension ReportContext {
    /// The file of the results folder that keeps the context of the last `expt run`, so that
    /// `expt report` writes the same header.
    static let fileName = "context.json"

    /// Stores the context in `folder`.
    func save(in folder: ResultsFolder) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings and an integer always encode.
        let data = try! encoder.encode(self)
        try folder.write(String(decoding: data, as: UTF8.self) + "\n", to: Self.fileName)
    }

    /// The context stored in `folder`, or nil when there is none or it cannot be read.
    static func stored(in folder: ResultsFolder) -> ReportContext? {
        folder.read(fileName).flatMap { try? JSONDecoder().decode(ReportContext.self, from: Data($0.utf8)) }
    }
}
