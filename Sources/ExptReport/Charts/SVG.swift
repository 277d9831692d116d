import Foundation

/// A minimal SVG writer: elements appended as text, attributes escaped, numbers printed with
/// two decimals so that files are small and stable from run to run.
struct SVG {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The whole document, self-contained (no scripts, no external resources), so that it
    /// renders the same in a browser and on GitHub.
    var text: String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.number(width))" height="\(Self.number(height))" \
        viewBox="0 0 \(Self.number(width)) \(Self.number(height))" \
        font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="#ffffff"/>
        \(body.joined(separator: "\n"))
        </svg>

        """
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        let dashAttribute = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        body.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashAttribute)/>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none") {
        body.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
    }

    /// An open polyline through `points`, drawn as a path.
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil, label: String? = nil) {
        guard let first = points.first else { return }
        var d = "M\(Self.number(first.0)),\(Self.number(first.1))"
        for point in points.dropFirst() { d += " L\(Self.number(point.0)),\(Self.number(point.1))" }
        let dashAttribute = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let labelAttribute = label.map { " data-series=\"\(Self.escape($0))\"" } ?? ""
        body.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"\(dashAttribute)\(labelAttribute)/>")
    }

    /// A closed, filled polygon (the min–max band of a series).
    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body.append("<polygon points=\"\(list)\" fill=\"\(fill)\" fill-opacity=\"\(Self.number(opacity))\" stroke=\"none\"/>")
    }

    /// A circle; `marker` is written as `data-marker` (a trajectory's `start` or `end`).
    mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String = "none", marker: String? = nil) {
        let markerAttribute = marker.map { " stroke-width=\"2\" data-marker=\"\(Self.escape($0))\"" } ?? ""
        body.append("<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(markerAttribute)/>")
    }

    /// Unconnected line segments drawn as one path (`M a L b M c L d …`), e.g. one contour level.
    mutating func segments(_ segments: [((Double, Double), (Double, Double))], stroke: String, width: Double = 1, kind: String) {
        guard !segments.isEmpty else { return }
        let d = segments.map { "M\(Self.number($0.0.0)),\(Self.number($0.0.1)) L\(Self.number($0.1.0)),\(Self.number($0.1.1))" }
            .joined(separator: " ")
        body.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" class=\"\(kind)\"/>")
    }

    /// Text anchored at (x, y); `anchor` is start, middle or end; `rotate` turns it about its anchor.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       weight: String = "normal", rotate: Double = 0, fill: String = "#222222") {
        let transform = rotate == 0 ? "" : " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\""
        body.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.number(size))\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>\(Self.escape(content))</text>")
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
