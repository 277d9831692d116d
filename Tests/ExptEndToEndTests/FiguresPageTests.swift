import ExptTestSupport
import Foundation
import Testing
@testable import expt

/// docs/figures.md quotes the committed results: regenerated here, it must equal the file.
struct FiguresPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func theCommittedPageMatchesTheCommittedResults() throws {
        let page = try FiguresPage(results: Self.repository + "/results")
        let committed = try String(contentsOfFile: Self.repository + "/docs/figures.md", encoding: .utf8)
        // On failure: swift run expt figures --output docs/figures.md
        #expect(page.markdown == committed)
    }

    @Test func aTableQuotesTheMeansOfEachVariant() throws {
        let folder = NSTemporaryDirectory() + "figures-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/demo", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
            rank,variant,runs,completed,final_train_loss_mean,final_val_accuracy_mean,test_accuracy_mean,seconds_mean,chosen
            1,adam,3,3,0.123456,0.6834,,12.345,"lr=0.1, momentum=0.9"
            2,sgd,3,2,1.5,0.5,,0.5,

            """.write(toFile: folder + "/demo/variants.csv", atomically: true, encoding: .utf8)
        #expect(try FiguresPage(results: folder).markdown.hasSuffix("""
            ## demo

            Report: [results/demo/report.md](../results/demo/report.md)

            | variant | seeds | train loss | validation accuracy | seconds |
            | --- | --: | --: | --: | --: |
            | adam | 3 | 0.1235 | 68.3% | 12.3 |
            | sgd | 2 | 1.5 | 50.0% | 0.5 |

            """))
    }
}
