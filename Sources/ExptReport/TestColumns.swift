import ExptStore

/// The test-set columns of summary.csv and of the comparison table: present only when some
/// run recorded test metrics; accuracy only when some run recorded a test accuracy.
enum TestColumn: CaseIterable {
    case loss
    case accuracy

    /// `test_loss` or `test_accuracy`.
    var name: String {
        self == .loss ? "test_loss" : "test_accuracy"
    }

    /// This column's value in `record`.
    func value(in record: RunRecord) -> Double? {
        self == .loss ? record.test?.loss : record.test?.accuracy
    }

    /// The columns that some record of `records` has a value for, in order.
    static func present(in records: [RunRecord]) -> [TestColumn] {
        allCases.filter { column in records.contains { column.value(in: $0) != nil } }
    }
}
