import Foundation

extension LineChart {
    /// The chart's data for report.html's script, as one JSON object: `title`, `x` and `y`
    /// (the axes' labels), `xlog`, `ylog` (the scales the SVG uses), `pad` (see ``padsY``) and
    /// `series`, each with its `name`, `colour` and `dash` (as the SVG draws it), the line's
    /// points as `x` and `y`, and the band's `low` and `high` at the same x when it has one.
    /// Numbers to 6 significant digits (`%.6g`), so that the file is small and its bytes stable.
    var json: String {
        let series = series.enumerated().map { index, series in
            var fields = [
                "\"name\":" + HTMLText.jsonString(series.name),
                "\"colour\":" + HTMLText.jsonString(Palette.colour(index)),
                "\"dash\":" + (Palette.dash(index).map(HTMLText.jsonString) ?? "null"),
                "\"x\":" + Self.numbers(series.line.map(\.x)),
                "\"y\":" + Self.numbers(series.line.map(\.y)),
            ]
            // The band shares the line's x values (both come from the same runs' epochs).
            if series.band.count == series.line.count, !series.band.isEmpty {
                fields += ["\"low\":" + Self.numbers(series.band.map(\.low)), "\"high\":" + Self.numbers(series.band.map(\.high))]
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "{\"title\":\(HTMLText.jsonString(title)),\"x\":\(HTMLText.jsonString(xLabel)),\"y\":\(HTMLText.jsonString(yLabel)),"
            + "\"xlog\":\(xScale == .logarithmic),\"ylog\":\(yScale == .logarithmic),\"pad\":\(padsY),"
            + "\"series\":[\n" + series.joined(separator: ",\n") + "]}"
    }

    /// Finite values as a JSON array (`%.6g`); the series hold no other.
    private static func numbers(_ values: [Double]) -> String {
        "[" + values.map { String(format: "%.6g", $0) }.joined(separator: ",") + "]"
    }
}
