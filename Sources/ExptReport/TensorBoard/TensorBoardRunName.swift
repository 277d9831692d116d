import ExptData
import ExptManifest
import ExptStore

/// The folder of a run under `tensorboard/`, which TensorBoard shows as the run's name:
/// `<variant>/seed-<seed>`, or in a sweep `<variant>/<point>/seed-<seed>`, the point being its
/// swept settings as `key=value` joined by `,` (`adam/optimizer.lr=0.01/seed-0`). The seeds of one
/// point sit side by side, so that a filter on the point shows them all.
///
/// Each part is one path component by ``SafeName``'s rules: a variant's name already is one
/// (the manifest's names are stricter); in a point, `/`, `\` and control characters become `_`,
/// and a point longer than 255 bytes is named `point-` and the first 16 hexadecimal digits of
/// the SHA-256 of its text.
enum TensorBoardRunName {
    static func path(of spec: RunSpec) -> String {
        ([spec.variant] + (spec.sweep.isEmpty ? [] : [point(spec.sweep)]) + ["seed-\(spec.seed)"]).joined(separator: "/")
    }

    static func point(_ settings: [SweepSetting]) -> String {
        let text = settings.map { "\($0.keyPath)=\($0.value)" }.joined(separator: ",")
        let safe = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "/" || scalar == "\\" || scalar.properties.generalCategory == .control ? "_" : scalar
        }))
        return safe.utf8.count > 255 ? "point-" + SHA256.hex(of: text).prefix(16) : safe
    }
}
