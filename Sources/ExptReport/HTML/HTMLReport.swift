/// report.html: one self-contained page (no network, no external file but the non-line charts'
/// SVG beside it) with report.md's text and tables, and its line charts drawn by an inline
/// script (``HTMLReportScript``) from their data inline as one JSON object (`#expt-data`):
/// hover for the values, a legend that hides series, a log toggle and an x range to zoom.
/// Charts that are not line charts (the trajectories) show their SVG file by relative link.
struct HTMLReport {
    /// The experiment's name, the page's title.
    let name: String
    /// report.md as written.
    let markdown: String
    let charts: [Chart]

    var text: String {
        var lineCharts: [(index: Int, chart: Chart)] = []
        let body = MarkdownHTML(markdown: markdown) { alt, path in
            // Only the report's own charts load: an image of the description stays text, fetching nothing.
            guard let chart = charts.first(where: { "charts/" + $0.file == path }) else {
                return "<p>" + MarkdownHTML.inline("![\(alt)](\(path))") + "</p>\n"
            }
            guard chart.lines != nil else {
                return "<figure><img src=\"\(HTMLText.escape(path))\" alt=\"\(HTMLText.escape(alt))\"></figure>\n"
            }
            let index = lineCharts.count
            lineCharts.append((index, chart))
            let id = "chart-" + String(chart.file.dropLast(4))
            return "<figure class=\"chart\" id=\"\(HTMLText.escape(id))\" data-chart=\"\(index)\">"
                + "<figcaption>\(HTMLText.escape(chart.lines!.title))</figcaption>"
                + "<noscript><img src=\"\(HTMLText.escape(path))\" alt=\"\(HTMLText.escape(alt))\"></noscript></figure>\n"
        }.html
        let data = "{\"charts\":[\n" + lineCharts.map { $0.chart.lines!.json }.joined(separator: ",\n") + "]}"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(name)) — expt report</title>
            <style>
            \(HTMLReportStyle.text)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            <script type="application/json" id="expt-data">
            \(data)
            </script>
            <script>
            \(HTMLReportScript.text)
            </script>
            </body>
            </html>

            """
    }
}
