import ExptStore

/// The sharpness section of report.md, when `analysis.sharpness` measured some run: per variant,
/// best first, the final sharpness λ_max (the last epoch's; mean ± std over the completed runs)
/// with the final training loss beside it, so that a sharper or flatter minimum can be read
/// against how far training got.
extension MarkdownReport {
    func sharpness(_ results: [VariantResult]) -> String? {
        guard outcomes.contains(where: { $0.record.epochs.last?.sharpness != nil }) else { return nil }
        let header = ["variant", "runs", "sharpness λ_max", "final train loss"]
        let rows = results.map { result in
            let values = result.included.compactMap { $0.record.epochs.last?.sharpness }
            return [Markdown.inline(result.name), "\(values.count)", Spread(values).map(Markdown.metric) ?? "–",
                    result.final(.trainLoss).map(Markdown.metric) ?? "–"]
        }
        return "## Sharpness\n\n"
            + "The largest eigenvalue of the Hessian of the training loss after the last epoch, by power iteration on "
            + "central differences of gradients (docs/landscapes.md).\n\n"
            + Markdown.table(header: header, alignRight: [false, true, true, true], rows: rows)
    }
}
