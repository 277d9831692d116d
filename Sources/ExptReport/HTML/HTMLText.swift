import ExptManifest
import Foundation

/// Text for HTML and for a JSON script block inside HTML.
enum HTMLText {
    /// `&`, `<`, `>` and `"` as entities: safe as element text and as a quoted attribute
    /// value (the escaping of the SVG charts' text).
    static func escape(_ text: String) -> String {
        SVG.escape(text)
    }

    /// A JSON string literal (``JSONValue/quoted(_:)``) that is also safe inside `<script>`:
    /// `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can
    /// appear), and U+2028, U+2029 (line ends to older JavaScript) as escapes too.
    static func jsonString(_ text: String) -> String {
        JSONValue.quoted(text).replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
