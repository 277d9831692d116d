import Foundation

/// Formatting of numbers and text for GitHub-flavoured Markdown.
enum Markdown {
    /// A metric to 4 significant digits (`%.4g`: 0.975, 0.003536, 1.235e+04).
    static func metric(_ value: Double) -> String {
        String(format: "%.4g", value)
    }

    /// Seconds to 2 decimals.
    static func seconds(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// `mean ± std` of a metric (see `metric(_:plusMinus:)`).
    static func metric(_ spread: Spread) -> String {
        metric(spread.mean, plusMinus: spread.standardDeviation)
    }

    /// `mean ± half-width` of the 95% confidence interval, or the mean alone for one seed.
    static func interval(_ spread: Spread) -> String {
        metric(spread.mean, plusMinus: spread.confidenceHalfWidth)
    }

    /// A mean to 4 significant digits and its `±` term to the same decimal place, so the two
    /// line up (`0.9767 ± 0.0029`, `0.05202 ± 0.00466`); the mean alone, to those decimals,
    /// without a term. Means outside [1e-4, 1e6) fall back to `%.4g` for both.
    static func metric(_ mean: Double, plusMinus term: Double?) -> String {
        let magnitude = abs(mean)
        guard magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e6) else {
            return metric(mean) + (term.map { " ± \(metric($0))" } ?? "")
        }
        let decimals = self.decimals(mean)
        return String(format: "%.\(decimals)f", mean) + (term.map { String(format: " ± %.\(decimals)f", $0) } ?? "")
    }

    /// A value to the decimals of `reference` (see `metric(_:plusMinus:)`), e.g. a median
    /// beside its mean; `%.4g` when the reference is outside [1e-4, 1e6).
    static func metric(_ value: Double, decimalsOf reference: Double) -> String {
        let magnitude = abs(reference)
        guard magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e6) else { return metric(value) }
        return String(format: "%.\(decimals(reference))f", value)
    }

    /// Decimals that give `value` 4 significant digits.
    private static func decimals(_ value: Double) -> Int {
        let magnitude = abs(value)
        let leadingDigit = magnitude == 0 ? 0 : Int(log10(magnitude).rounded(.down))
        return max(0, 3 - leadingDigit)
    }

    /// `mean ± half-width` of seconds, or the mean alone for one seed.
    static func seconds(_ spread: Spread) -> String {
        seconds(spread.mean) + (spread.confidenceHalfWidth.map { " ± \(seconds($0))" } ?? "")
    }

    /// A count or a median of counts: `3`, `2.5`; other numbers as Swift prints them.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
    }

    /// `n seed` or `n seeds`.
    static func seeds(_ count: Int) -> String {
        count == 1 ? "1 seed" : "\(count) seeds"
    }

    /// Text read from a stored file (a name, a failure reason, a setting) as literal text that
    /// stays on one line and inside its table cell: line breaks become spaces, `&`, `<` and `>`
    /// become HTML entities (no tag of it reaches a renderer), and the characters that Markdown
    /// would read as markup (`\`, `` ` ``, `*`, `[`, `]`, `|`) are escaped by a backslash; `_`
    /// stays, as inside words (`x86_64`, `cross_entropy`) Markdown does not read it as markup.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text.split(whereSeparator: \.isNewline).joined(separator: " ") {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\\", "`", "*", "[", "]", "|": escaped += "\\" + String(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The experiment's description, Markdown its author wrote, with `&`, `<` and `>` as HTML
    /// entities: its markup renders, no HTML of it does.
    static func withoutHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text as inline code, fenced by one backtick more than the longest run of backticks in
    /// the text (and padded by spaces when it holds any), so that no text ends the span early.
    static func code(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var longest = 0, run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return longest == 0 ? "`\(line)`" : "\(fence) \(line) \(fence)"
    }

    /// A table: a header row, an alignment row (`alignRight` marks numeric columns), and rows.
    static func table(header: [String], alignRight: [Bool], rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        return row(header) + row(alignRight.map { $0 ? "--:" : "---" }) + rows.map(row).joined()
    }
}
