/// The Okabe-Ito palette (Okabe and Ito, 2008), eight colours that stay distinct under the
/// common forms of colour blindness, with its yellow (#F0E442, invisible on white) replaced by
/// Paul Tol's olive (#999933). Black is kept last; for the ninth series and beyond the colours
/// repeat.
enum Palette {
    static let colours = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999933", "#000000",
    ]

    /// The colour of the series at `index`.
    static func colour(_ index: Int) -> String {
        colours[index % colours.count]
    }

    /// The dash pattern of the series at `index` (nil: solid). Consecutive series differ in
    /// dash as well as colour, so that a line drawn over another that follows the same path
    /// leaves it visible; each time the colours come round again the patterns shift by one,
    /// so that no two of the first 32 series look the same.
    static func dash(_ index: Int) -> String? {
        let patterns = [nil, "6 3", "2 3", "8 3 2 3"]
        return patterns[(index + index / colours.count) % patterns.count]
    }
}
