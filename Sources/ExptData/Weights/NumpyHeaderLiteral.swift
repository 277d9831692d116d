/// The small part of Python's literal syntax a `.npy` header uses: a dict of quoted string keys
/// whose values are quoted strings, `True`/`False`, or tuples of non-negative integers
/// (`(2, 3)`, `(3,)`, `()`), with optional trailing commas and spaces.
enum NumpyHeaderLiteral {
    enum Value: Equatable {
        case text(String)
        case flag(Bool)
        case integers([Int])
    }

    /// What the parser expected and found, as the end of a sentence.
    struct Failure: Error {
        let message: String
    }

    static func parse(_ text: String) throws(Failure) -> [String: Value] {
        var parser = Parser(characters: Array(text.unicodeScalars))
        return try parser.dictionary()
    }

    private struct Parser {
        let characters: [Unicode.Scalar]
        var index = 0

        mutating func dictionary() throws(Failure) -> [String: Value] {
            try expect("{")
            var result: [String: Value] = [:]
            while true {
                skipSpaces()
                if peek() == "}" { index += 1; break }
                let key = try quoted()
                skipSpaces()
                try expect(":")
                skipSpaces()
                guard result[key] == nil else { throw Failure(message: "found the key '\(key)' twice") }
                result[key] = try value()
                skipSpaces()
                if peek() == "," { index += 1 } else if peek() != "}" { throw failure("',' or '}'") }
            }
            skipSpaces()
            guard index == characters.count else { throw failure("the end of the header") }
            return result
        }

        mutating func value() throws(Failure) -> Value {
            switch peek() {
            case "'", "\"": return .text(try quoted())
            case "(": return .integers(try tuple())
            default:
                for (word, flag) in [("True", true), ("False", false)] where characters[index...].starts(with: word.unicodeScalars) {
                    index += word.unicodeScalars.count
                    return .flag(flag)
                }
                throw failure("a string, True, False or a tuple")
            }
        }

        mutating func quoted() throws(Failure) -> String {
            guard let quote = peek(), quote == "'" || quote == "\"" else { throw failure("a quoted string") }
            index += 1
            var text = ""
            while let character = peek(), character != quote {
                text.unicodeScalars.append(character)
                index += 1
            }
            try expect(quote)
            return text
        }

        /// Non-negative integers of at most 18 digits (no overflow; the file size bounds them later).
        mutating func tuple() throws(Failure) -> [Int] {
            try expect("(")
            var values: [Int] = []
            while true {
                skipSpaces()
                if peek() == ")" { index += 1; return values }
                var digits = 0, value = 0
                while let character = peek(), let digit = Int(String(character)), character.isASCII {
                    guard digits < 18 else { throw Failure(message: "found a dimension of more than 18 digits") }
                    value = value * 10 + digit
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { throw failure("a non-negative integer") }
                values.append(value)
                skipSpaces()
                if peek() == "," { index += 1 } else if peek() != ")" { throw failure("',' or ')'") }
            }
        }

        func peek() -> Unicode.Scalar? { index < characters.count ? characters[index] : nil }

        mutating func skipSpaces() {
            while let character = peek(), character == " " || character == "\n" || character == "\t" { index += 1 }
        }

        mutating func expect(_ character: Unicode.Scalar) throws(Failure) {
            guard peek() == character else { throw failure("'\(character)'") }
            index += 1
        }

        func failure(_ expected: String) -> Failure {
            let found = peek().map { "'\($0)'" } ?? "the end"
            return Failure(message: "expected \(expected) at character \(index + 1), found \(found)")
        }
    }
}
