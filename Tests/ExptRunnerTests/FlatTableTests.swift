import Testing

@testable import ExptStore

@Suite struct FlatTableTests {
    struct Row: Codable, Equatable {
        var name: String
        var count: Int
        var value: Double?
        var flag: Bool
    }

    @Test func rowsRoundTripWithQuotedCellsAndEmptyOnes() throws {
        let rows = [Row(name: "a, \"b\"", count: -3, value: nil, flag: true), Row(name: "line\nbreak", count: 0, value: 0.1, flag: false)]
        let text = try FlatTable.csv(rows)
        #expect(text == "name,count,value,flag\n\"a, \"\"b\"\"\",-3,,true\n\"line\nbreak\",0,0.1,false\n")
        #expect(try FlatTable.rows(Row.self, from: text) == rows)
    }

    @Test func noRowsIsAnEmptyText() throws {
        #expect(try FlatTable.csv([Row]()) == "")
        #expect(try FlatTable.rows(Row.self, from: "") == [])
    }

    @Test(arguments: [
        ("name,count,value,flag\nx,1,2.5,true", "the last line is not ended (the file is cut short)"),
        ("name,count,value,flag\nx,1,2.5\n", "line 2 has 3 cells; the header has 4"),
        ("name,count,value,flag\n\"x,1,2.5,true\n", "a quoted cell is not closed"),
    ])
    func aDamagedTableIsRefusedWithItsReason(text: String, reason: String) {
        #expect(throws: FlatTable.Failure.self) { try FlatTable.rows(Row.self, from: text) }
        do {
            _ = try FlatTable.rows(Row.self, from: text)
        } catch {
            #expect(error.description == reason)
        }
    }

    @Test func aCellOfTheWrongTypeIsRefused() {
        #expect(throws: FlatTable.Failure.self) { try FlatTable.rows(Row.self, from: "name,count,value,flag\nx,many,2.5,true\n") }
    }
}
