import Foundation

/// One axis of a chart: its data range, linear or logarithmic, mapped onto a pixel range,
/// with "nice" tick values (1, 2 or 5 times a power of ten; powers of ten on a log axis).
struct Axis {
    enum Scale: Equatable { case linear, logarithmic }

    let scale: Scale
    let low: Double
    let high: Double

    /// An axis covering `values` (non-finite values ignored). A log axis needs positive
    /// values; it falls back to linear otherwise. A degenerate range is widened.
    init(covering values: [Double], scale: Scale, includeZero: Bool = false) {
        var finite = values.filter(\.isFinite)
        let usable = scale == .logarithmic && !finite.isEmpty && finite.allSatisfy { $0 > 0 }
        self.scale = usable ? .logarithmic : .linear
        if includeZero && !usable { finite.append(0) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if usable {
            low = Self.logFloor(low)
            high = Self.logCeiling(high)
            if low == high { high = Self.logCeiling(high * 1.5) }
        } else {
            if low == high {
                let pad = low == 0 ? 1 : abs(low) * 0.1
                low -= pad
                high += pad
            }
            let step = Self.niceStep((high - low) / 5)
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        self.low = low
        self.high = high
    }

    /// Where `value` falls between 0 (low end) and 1 (high end).
    func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear: (value - low) / (high - low)
        case .logarithmic: (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
    }

    /// The tick values, low to high, all inside the axis.
    var ticks: [Double] {
        switch scale {
        case .logarithmic:
            let first = Int(log10(low).rounded(.down))
            let last = Int(log10(high).rounded(.up))
            let decades = last - first
            // Few decades: mark 1, 2 and 5 in each; many: every power of ten (or every few).
            let mantissas: [Double] = decades <= 2 ? [1, 2, 5] : [1]
            let stride = max(1, (decades + 5) / 6)
            let values = Swift.stride(from: first, through: last, by: stride).flatMap { exponent in
                mantissas.map { $0 * pow(10, Double(exponent)) }
            }
            let inside = values.filter { $0 > low * (1 + 1e-9) && $0 < high * (1 - 1e-9) }
            // The ends are 1, 2 or 5 x 10^k too: always label them.
            return [low] + inside + [high]
        case .linear:
            let step = Self.niceStep((high - low) / 5)
            var values: [Double] = []
            var tick = (low / step).rounded(.up) * step
            while tick <= high + step * 1e-9 {
                values.append(abs(tick) < step * 1e-9 ? 0 : tick)
                tick += step
            }
            return values
        }
    }

    /// A tick's label: plain decimals, or `2e-5` style outside 0.001 to 10000 on a log axis.
    func label(_ value: Double) -> String {
        if scale == .logarithmic && (value < 1e-3 || value > 1e4) {
            let exponent = Int(log10(value).rounded(.down))
            let mantissa = Int((value / pow(10, Double(exponent))).rounded())
            return "\(mantissa)e\(exponent)"
        }
        return Self.plain(value)
    }

    /// The largest 1, 2 or 5 x 10^k at or below a positive `value`.
    static func logFloor(_ value: Double) -> Double {
        let power = pow(10, log10(value).rounded(.down))
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= value * (1 + 1e-12) } ?? power
    }

    /// The smallest 1, 2 or 5 x 10^k at or above a positive `value`.
    static func logCeiling(_ value: Double) -> Double {
        let power = pow(10, log10(value).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= value * (1 - 1e-12) } ?? 10 * power
    }

    private static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        var text = String(format: "%.6g", value)
        if text.contains("e") { return text }
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text
    }

    /// The step among 1, 2, 5 x 10^k closest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, log10(rough).rounded(.down))
        let fraction = rough / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }
}
