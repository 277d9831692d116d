import ExptData
import ExptStore
import Foundation

/// What `expt weights` prints for a weights file: one line per array — name, torch shape,
/// the element type stored, the L2 norm √(Σ v²) (summed in double precision), the least and
/// the greatest value (`-` for an empty array) — in aligned columns, then a total line.
enum WeightsListing {
    static func text(_ entries: [NumpyArchive.Entry]) -> String {
        let header = ["name", "shape", "dtype", "l2_norm", "min", "max"]
        let rows = entries.map { entry in
            let values = entry.array.values
            let norm = values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            return [entry.array.name, NumpyArchive.shapeText(entry.array.shape), entry.dtype, number(norm),
                    values.min().map { number(Double($0)) } ?? "-", values.max().map { number(Double($0)) } ?? "-"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        let lines = ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        let count = entries.map(\.array.values.count).reduce(0, +)
        return (lines + ["\(entries.count) arrays, \(count) values"]).joined(separator: "\n") + "\n"
    }

    /// Six significant digits, as `%g` writes them.
    static func number(_ value: Double) -> String {
        String(format: "%g", value)
    }
}
