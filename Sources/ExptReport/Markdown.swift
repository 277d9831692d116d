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

    /// `mean ± std` of a metric: the mean to 4 significant digits and the deviation to the
    /// same decimal place, so the two line up (`0.9767 ± 0.0029`, `0.05202 ± 0.00466`).
    /// Means outside [1e-4, 1e6) fall back to `%.4g` for both.
    static func metric(_ spread: Spread) -> String {
        let magnitude = abs(spread.mean)
        guard magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e6) else {
            return "\(metric(spread.mean)) ± \(metric(spread.standardDeviation))"
        }
        let leadingDigit = magnitude == 0 ? 0 : Int(log10(magnitude).rounded(.down))
        let decimals = max(0, 3 - leadingDigit)
        return String(format: "%.\(decimals)f ± %.\(decimals)f", spread.mean, spread.standardDeviation)
    }

    /// `mean ± std` of seconds.
    static func seconds(_ spread: Spread) -> String {
        "\(seconds(spread.mean)) ± \(seconds(spread.standardDeviation))"
    }

    /// `n seed` or `n seeds`.
    static func seeds(_ count: Int) -> String {
        count == 1 ? "1 seed" : "\(count) seeds"
    }

    /// Text that stays on one line and inside its table cell: line breaks become spaces
    /// and vertical bars are escaped.
    static func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
            .replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text as inline code, with a longer fence when the text itself holds backticks.
    static func code(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.contains("`") ? "`` \(line) ``" : "`\(line)`"
    }

    /// A table: a header row, an alignment row (`alignRight` marks numeric columns), and rows.
    static func table(header: [String], alignRight: [Bool], rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        return row(header) + row(alignRight.map { $0 ? "--:" : "---" }) + rows.map(row).joined()
    }
}
