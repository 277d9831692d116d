import Foundation
import Testing

/// metrics.csv and summary.csv of a sweep: one key per value, numeric columns that hold only
/// numbers (what `pandas.read_csv` needs to give them a numeric dtype).
@Suite struct SweepCSVTests {
    /// 2 learning rates × 2 batch sizes × 2 seeds; 60 spirals, 12 of them (20%) for validation,
    /// so a full batch is 48 examples.
    static let manifest = """
        name: swept
        seeds: [0, 1]
        data: {dataset: spirals, samples: 60, noise: 0.1}
        model:
          - {dense: 4, activation: relu}
          - {dense: 2}
        train: {epochs: 2}
        variants:
          sgd:
            optimizer: {name: sgd, lr: 0.1}
            sweep: {grid: {optimizer.lr: [0.1, 0.05], train.batch_size: [full, 16]}}
        """

    static let numericMetricsColumns = ["seed", "optimizer.lr", "train.batch_size", "epoch", "step", "value"]
    static let numericSummaryColumns = ["seed", "optimizer.lr", "train.batch_size", "batch_size", "epochs", "lr",
                                        "final_train_loss", "final_val_loss", "final_val_accuracy", "steps", "seconds"]

    @Test func eachRunEpochAndMetricIsOneRowAndNumbersAreNumbers() throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)

        let metrics = CSVTable(try fixture.read("metrics.csv"))
        #expect(metrics.header == ["run_id", "variant", "seed", "optimizer.lr", "train.batch_size", "epoch", "step", "metric", "value"])
        let keys = metrics.rows.map { "\($0["run_id"]!) \($0["epoch"]!) \($0["metric"]!)" }
        #expect(Set(keys).count == keys.count)
        #expect(Set(metrics.rows.map { $0["run_id"]! }).count == 8)
        #expect(Set(metrics.rows.map { $0["train.batch_size"]! }) == ["48", "16"])
        #expect(Set(metrics.rows.map { $0["optimizer.lr"]! }) == ["0.1", "0.05"])
        for row in metrics.rows {
            for column in Self.numericMetricsColumns {
                #expect(Double(row[column]!) != nil, "metrics.csv \(column) holds \(row[column]!.debugDescription)")
            }
        }

        let summary = CSVTable(try fixture.read("summary.csv"))
        #expect(Array(summary.header.prefix(7)) == ["run_id", "variant", "seed", "optimizer.lr", "train.batch_size", "optimizer", "batch_size"])
        #expect(summary.rows.count == 8)
        #expect(Set(summary.rows.map { $0["run_id"]! }) == Set(metrics.rows.map { $0["run_id"]! }))
        #expect(summary.rows.map { $0["batch_size"]! } == summary.rows.map { $0["train.batch_size"]! })
        for row in summary.rows {
            for column in Self.numericSummaryColumns {
                #expect(Double(row[column]!) != nil, "summary.csv \(column) holds \(row[column]!.debugDescription)")
            }
        }
    }
}
