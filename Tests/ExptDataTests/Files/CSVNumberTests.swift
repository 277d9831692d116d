import Testing
import ExptData

/// CSV cells hold the decimal numbers CSV writers produce and nothing else: no hexadecimal,
/// no `nan` or `inf`, no character after the number (a NUL included).
@Suite struct CSVNumberTests {
    @Test func decimalFormsAreRead() throws {
        let data = try CSVFileTests.load("x,label\n1,0\n-0.5,0\n.5,0\n5.,0\n1e-05,0\n+2.5E3,0\n 7 ,0\n-0,0\n", target: .label(.name("label")))
        #expect(data.features == [1, -0.5, 0.5, 5, 1e-05, 2500, 7, 0])
    }

    @Test(arguments: [
        ("0x10", "found \"0x10\""),
        ("0\u{0}.3", "found \"0\\0.3\""),
        ("1e", "found \"1e\""),
        ("e5", "found \"e5\""),
        (".", "found \".\""),
        ("-", "found \"-\""),
        ("+-1", "found \"+-1\""),
        ("1.2.3", "found \"1.2.3\""),
        ("1e+", "found \"1e+\""),
        ("inf", "found \"inf\""),
        ("-Infinity", "found \"-Infinity\""),
        ("NaN", "found \"NaN\""),
        ("1_000", "found \"1_000\""),
        ("1 2", "found \"1 2\""),
        ("1e39", "found \"1e39\""),
        ("١", "found \"١\""),
    ])
    func otherTextIsNotANumber(cell: String, found: String) {
        #expect(fileProblem { _ = try CSVFileTests.load("a,x,label\n1,\(cell),0\n", target: .label(.name("label"))) }
                == "x.csv:2:3: expected a finite number in column \"x\", \(found)")
    }
}
