/// Text for HTML and for a JSON script block inside HTML.
enum HTMLText {
    /// `&`, `<`, `>` and `"` as entities: safe as element text and as a quoted attribute value.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A JSON string literal that is safe inside `<script>`: besides `"`, `\` and control
    /// characters, `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026` (so no
    /// `</script>` or `<!--` can appear) and U+2028, U+2029 as escapes too.
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}", "\u{7F}":
                escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
