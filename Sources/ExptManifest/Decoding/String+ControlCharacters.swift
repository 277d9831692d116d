extension String {
    /// The text as a message may show it: line breaks and tabs as `\n`, `\r`, `\t`, every other
    /// control character (NUL, ESC, DEL, C1) as `\u{1B}`, so that a terminal prints them
    /// instead of acting on them; with `quotes`, `"` and `\` escaped too.
    func escapingControlCharacters(quotes: Bool = false) -> String {
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"" where quotes: escaped += "\\\""
            case "\\" where quotes: escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
