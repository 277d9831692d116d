/// The Okabe-Ito palette (Okabe and Ito, 2008): eight colours that stay distinct under the
/// common forms of colour blindness. Black is kept last, for the ninth series and beyond the
/// colours repeat.
enum Palette {
    static let colours = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
    ]

    /// The colour of the series at `index`.
    static func colour(_ index: Int) -> String {
        colours[index % colours.count]
    }

    /// The dash pattern of the series at `index`: solid for the first eight, then a new
    /// pattern each time the colours come round again, so that no two series look the same.
    static func dash(_ index: Int) -> String? {
        let patterns = [nil, "6 3", "2 3", "8 3 2 3"]
        return patterns[(index / colours.count) % patterns.count]
    }
}
