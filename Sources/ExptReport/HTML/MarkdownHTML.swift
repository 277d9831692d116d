import Foundation

/// report.md's Markdown as HTML, for report.html: the subset the report writes — headings,
/// paragraphs, `- ` lists, tables (right-aligned where the Markdown says `--:`), images on a
/// line of their own, and inline `**bold**`, `` `code` `` and backslash escapes.
///
/// Text in report.md that came from stored files already has `&`, `<` and `>` as entities
/// (``Markdown/inline(_:)``): it passes through as it is, and any `<` or `>` left is escaped,
/// so no tag of it reaches the page. Code spans, which Markdown keeps literal, are escaped whole.
/// Other Markdown (a link in the description) stays as its text.
struct MarkdownHTML {
    let markdown: String
    /// The HTML of an image line `![alt](path)`: report.html draws the chart there.
    let image: (_ alt: String, _ path: String) -> String

    var html: String {
        var output = ""
        var paragraph: [String] = []
        var list: [String] = []
        var table: [String] = []
        func flush() {
            if !paragraph.isEmpty { output += "<p>" + paragraph.map(Self.inline).joined(separator: "\n") + "</p>\n" }
            if !list.isEmpty { output += "<ul>\n" + list.map { "<li>" + Self.inline($0) + "</li>\n" }.joined() + "</ul>\n" }
            if !table.isEmpty { output += Self.table(table) }
            (paragraph, list, table) = ([], [], [])
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                if table.isEmpty { flush() }
                table.append(line)
                continue
            }
            if line.hasPrefix("- ") {
                if list.isEmpty { flush() }
                list.append(String(line.dropFirst(2)))
                continue
            }
            flush()
            if let heading = Self.heading(line) {
                output += heading
            } else if let (alt, path) = Self.imageLine(line) {
                output += image(alt, path)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                paragraph.append(line)
            }
        }
        flush()
        return output
    }

    /// `## Comparison` as `<h2 id="comparison">Comparison</h2>`; nil for any other line.
    private static func heading(_ line: String) -> String? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level), line.dropFirst(level).hasPrefix(" ") else { return nil }
        let text = inline(String(line.dropFirst(level + 1)))
        return "<h\(level)>\(text)</h\(level)>\n"
    }

    /// The alt text and the path of a line that is one image, `![Training loss](charts/train_loss.svg)`.
    private static func imageLine(_ line: String) -> (String, String)? {
        guard line.hasPrefix("!["), line.hasSuffix(")"), let middle = line.range(of: "](") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<middle.lowerBound])
        let path = String(line[middle.upperBound..<line.index(before: line.endIndex)])
        return (alt, path)
    }

    /// A Markdown table: the header row, the alignment row, the body rows.
    private static func table(_ lines: [String]) -> String {
        let rows = lines.map(cells)
        guard rows.count >= 2 else { return "<p>" + lines.map(inline).joined(separator: "\n") + "</p>\n" }
        let right = rows[1].map { $0.hasSuffix(":") }
        func row(_ cells: [String], tag: String) -> String {
            "<tr>" + cells.enumerated().map { index, cell in
                let align = index < right.count && right[index] ? " class=\"num\"" : ""
                return "<\(tag)\(align)>\(inline(cell))</\(tag)>"
            }.joined() + "</tr>\n"
        }
        return "<table>\n<thead>\n" + row(rows[0], tag: "th") + "</thead>\n<tbody>\n"
            + rows.dropFirst(2).map { row($0, tag: "td") }.joined() + "</tbody>\n</table>\n"
    }

    /// The cells of a table row, split at each `|` not escaped by a backslash, trimmed; the
    /// escapes stay for ``inline(_:)``.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current += "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(current)
        // The row begins and ends with `|`: the first and last pieces are empty.
        return cells.dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Inline Markdown as HTML: `**bold**`, `` `code` `` (the fence may be several backticks,
    /// padded by a space), backslash escapes; entities pass through, a stray `<` or `>` is escaped.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var bold = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\`*[]|_#!(){}+-.".contains(characters[index + 1]) {
                output += HTMLText.escape(String(characters[index + 1]))
                index += 2
            } else if character == "`", let (code, end) = codeSpan(characters, from: index) {
                output += "<code>" + HTMLText.escape(code) + "</code>"
                index = end
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                output += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index += 2
            } else {
                output += character == "<" ? "&lt;" : character == ">" ? "&gt;" : String(character)
                index += 1
            }
        }
        return output + (bold ? "</strong>" : "")
    }

    /// The code span whose fence starts at `start`: its text (one padding space each side
    /// removed when both are there) and the index after its closing fence; nil when unclosed.
    private static func codeSpan(_ characters: [Character], from start: Int) -> (String, Int)? {
        var fence = 0
        while start + fence < characters.count, characters[start + fence] == "`" { fence += 1 }
        var index = start + fence
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < characters.count, characters[index + run] == "`" { run += 1 }
            if run == fence {
                var code = String(characters[(start + fence)..<index])
                if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" ") { code = String(code.dropFirst().dropLast()) }
                return (code, index + run)
            }
            index += run
        }
        return nil
    }
}
