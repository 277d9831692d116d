/// The numbers a CSV cell may hold: the decimal forms CSV writers produce, and nothing else.
///
///     number   = [sign] (digits ["." [digits]] | "." digits) [exponent]
///     exponent = ("e" | "E") [sign] digits
///     sign     = "+" | "-"
///     digits   = one or more of 0-9
///
/// So `1`, `-0.5`, `.5`, `5.`, `1e-05` and `+2.5E3` are numbers; hexadecimal (`0x10`),
/// `nan`, `inf`, `infinity`, thousands separators, and any other character (a NUL included)
/// are not. The value is the nearest `Double`, then rounded to `Float` by the caller.
enum CSVNumber {
    /// The value of `text`, or nil when it is not a number of the grammar above.
    static func value(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        func sign() {
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        }
        sign()
        var mantissaDigits = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            sign()
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count else { return nil }
        return Double(text)
    }
}
