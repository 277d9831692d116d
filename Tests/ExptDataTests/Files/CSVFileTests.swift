import Testing
import ExptData

@Suite struct CSVFileTests {
    static func load(_ text: String, header: Bool = true, target: CSVTarget) throws(DataFileError) -> Dataset {
        let folder = try! FixtureFolder()
        defer { folder.remove() }
        let file = try! folder.write(text, "x.csv")
        return try DatasetConfig(CSVSettings(file: file, header: header, target: target)).load(seed: 0).examples
    }

    @Test func namedLabelsAreClassesInSortedOrder() throws {
        // Quoted cells, a doubled quote, CRLF line ends, spaces around numbers and a final blank line.
        let text = "a,\"species, \"\"common\"\"\",b\r\n1.5,virginica,-2\r\n 0.25 ,setosa,1e3\r\n3,\"virginica\",4\r\n\r\n"
        let data = try Self.load(text, target: .label(.name("species, \"common\"")))
        #expect(data == Dataset(count: 3, featureCount: 2, featureShape: [2], features: [1.5, -2, 0.25, 1000, 3, 4],
                                targetCount: 1, targets: [1, 0, 1], classCount: 2))
    }

    @Test func integerLabelsAreClassIndices() throws {
        let data = try Self.load("5,0.5\n0,1\n2,-1", header: false, target: .label(.index(0)))
        #expect(data == Dataset(count: 3, featureCount: 1, features: [0.5, 1, -1], targetCount: 1, targets: [5, 0, 2], classCount: 6))
    }

    @Test func regressionTargetsByColumn() throws {
        let data = try Self.load("x1,y1,x2,y2\n1,10,2,20\n3,30,4,40\n", target: .values([.name("y2"), .index(1)]))
        #expect(data == Dataset(count: 2, featureCount: 2, features: [1, 2, 3, 4], targetCount: 2, targets: [20, 10, 40, 30], classCount: nil))
    }

    @Test func aQuotedCellMaySpanLines() throws {
        let data = try Self.load("label,v\n\"two\nlines\",1\nb,2\n", target: .label(.name("label")))
        #expect(data.targets == [1, 0] && data.features == [1, 2])
    }

    @Test(arguments: [
        ("a,b,label\n1,2,x\n3,abc,y\n", "x.csv:3:3: expected a finite number in column \"b\", found \"abc\""),
        ("a,b,label\n1,2,x\n3,,y\n", "x.csv:3:3: expected a finite number in column \"b\", found an empty cell"),
        ("a,b,label\n1,nan,x\n", "x.csv:2:3: expected a finite number in column \"b\", found \"nan\""),
        ("a,b,label\n1,2,x\n3,4,y\n5,6\n", "x.csv:4:1: expected 3 cells as in the header, found 2"),
        ("a,b,label\n1,2,x\n\"3,4,y\n", "x.csv:3:1: expected a closing quote for the cell that starts here, the file ends"),
        ("a,b,label\n\"1\"2,3,x\n", "x.csv:2:4: expected a comma or the end of the line after a quoted cell, found \"2\""),
        ("a,b,label\n1,2,\n", "x.csv:2:5: expected a label in column \"label\", found an empty cell"),
        ("a,b,label\n", "x.csv: expected at least one row of values, found none"),
        ("a,b,kind\n1,2,x\n", "x.csv:1:1: expected a column named \"label\"; the columns are: a, b, kind"),
    ])
    func badFilesAreErrorsWithLineAndColumn(text: String, expected: String) {
        #expect(fileProblem { _ = try Self.load(text, target: .label(.name("label"))) } == expected)
    }

    @Test func aColumnIndexMustExist() {
        #expect(fileProblem { _ = try Self.load("1,2\n", header: false, target: .label(.index(2))) }
                == "x.csv:1:1: expected a column index from 0 to 1, found 2")
        #expect(fileProblem { _ = try Self.load("y\n1\n", target: .values([.index(0)])) }
                == "x.csv:1:1: expected at least one feature column besides the target, found 1 column in all")
        #expect(fileProblem { _ = try Self.load("1,2\n3,4,5\n", header: false, target: .label(.index(0))) }
                == "x.csv:2:1: expected 2 cells as in line 1, found 3")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(fileProblem { _ = try Self.load("é,b,label\n1,zwölf,x\n", target: .label(.name("label"))) }
                == "x.csv:2:3: expected a finite number in column \"b\", found \"zwölf\"")
        #expect(fileProblem { _ = try Self.load("a,b,label\nü,2,x\n", target: .label(.name("label"))) }
                == "x.csv:2:1: expected a finite number in column \"a\", found \"ü\"")
        #expect(fileProblem { _ = try Self.load("label,a,b\n\"ü\",1,é\n", target: .label(.name("label"))) }
                == "x.csv:2:7: expected a finite number in column \"b\", found \"é\"")
    }
}
