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

    /// `mean ± std` of a metric.
    static func metric(_ spread: Spread) -> String {
        "\(metric(spread.mean)) ± \(metric(spread.standardDeviation))"
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
