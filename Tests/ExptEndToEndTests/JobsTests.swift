import ExptManifest
import Foundation
import Testing

@testable import ExptRunner

/// `expt run --jobs N`: how many runs train at once, and results identical to one at a time.
@Suite struct JobsTests {
    static func runs(threads: [Int]) throws -> [RunSpec] {
        let base = try ManifestLoader.decode(text: storeManifest, path: "x.yaml").runs[0]
        return threads.map { count in
            var spec = base
            spec.config.train.threads = count
            return spec
        }
    }

    @Test(arguments: [
        (1, [1, 1, 1, 1], 2, 1),   // one job asked
        (2, [1, 1, 1, 1], 2, 2),
        (4, [1, 1, 1, 1], 2, 2),   // no more than the cores for 1-thread runs
        (8, [1, 1, 1], 16, 3),     // no more than the pending runs
        (2, [2, 2], 2, 1),         // 2 x 2 threads would oversubscribe 2 cores
        (4, [2, 2, 2, 2], 8, 4),
        (2, [1, 2], 8, 2),         // differing thread counts train side by side
        (4, [2, 1, 2], 2, 2),      // as many as the fewest threads allow; the queue keeps the sum within the cores
    ])
    func concurrencyNeverOversubscribes(jobs: Int, threads: [Int], cores: Int, expected: Int) throws {
        #expect(ExperimentRunner.concurrency(jobs: jobs, runs: try Self.runs(threads: threads), cores: cores) == expected)
    }

    @Test func twoJobsGiveTheSameMetricsAsOne() throws {
        var tables: [String] = []
        for jobs in ["1", "2"] {
            let fixture = try StoreFixture()
            defer { fixture.remove() }
            #expect(try fixture.run(["--jobs", jobs]) == 0)
            let text = try fixture.read("metrics.csv")
            tables.append(text.split(separator: "\n").filter { !$0.contains(",seconds,") }.joined(separator: "\n"))
        }
        #expect(tables[0] == tables[1])
        #expect(tables[0].split(separator: "\n").count > 1)
    }
}
