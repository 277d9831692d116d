/// One chart as the report writes it: its SVG file under `charts/` (the name without the
/// folder), and the title and caption report.md shows with it (nil: no caption). A line chart
/// keeps its model (`lines`), from which report.html draws the same curves interactively.
struct Chart {
    let file: String
    let title: String
    let svg: String
    var caption: String? = nil
    var lines: LineChart? = nil
}
