/// The style sheet of report.html: system fonts, tables like GitHub's, the charts' controls.
enum HTMLReportStyle {
    static let text = """
        body { margin: 0; background: #ffffff; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 26px; border-bottom: 1px solid #d8dee4; padding-bottom: 6px; }
        h2 { font-size: 20px; border-bottom: 1px solid #d8dee4; padding-bottom: 4px; margin-top: 28px; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: 2px 4px; border-radius: 4px; }
        table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; white-space: nowrap; }
        th { background: #f6f8fa; }
        tr:nth-child(2n) td { background: #f8f9fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 20px 0; }
        figure img { max-width: 100%; }
        figure.chart { position: relative; margin-left: 0; margin-right: 0; border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 12px; }
        figcaption { font-weight: 600; margin-bottom: 6px; }
        .controls { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 6px 16px; font-size: 13px; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px; }
        .legend button, .tools button { font: inherit; border: 1px solid #d0d7de; border-radius: 12px; background: #f6f8fa; padding: 1px 9px; cursor: pointer; }
        .legend button svg { vertical-align: middle; margin-right: 5px; }
        .legend button[aria-pressed="false"] { opacity: 0.4; text-decoration: line-through; }
        .tools { display: flex; align-items: center; gap: 5px; }
        .tools input[type="number"] { width: 64px; font: inherit; }
        .tools label { display: inline-flex; align-items: center; gap: 4px; margin-right: 8px; }
        .tools input[type="checkbox"] { margin: 0; }
        svg.plot { display: block; width: 100%; height: auto; user-select: none; }
        .plot .grid { stroke: #eeeeee; }
        .plot .frame { fill: none; stroke: #888888; }
        .plot .tick { font-size: 11px; fill: #555555; }
        .plot .label { font-size: 12px; fill: #222222; }
        .plot .band { fill-opacity: 0.18; stroke: none; }
        .plot path.line { fill: none; stroke-width: 2; stroke-linejoin: round; }
        .plot .cursor { stroke: #888888; stroke-dasharray: 3 3; }
        .plot .select { fill: #0072b2; fill-opacity: 0.12; }
        .plot .hit { fill: transparent; cursor: crosshair; }
        .tip { position: absolute; z-index: 2; background: rgba(255, 255, 255, 0.96); border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 9px; font-size: 12px; pointer-events: none; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12); white-space: nowrap; }
        .tip .head { font-weight: 600; }
        .tip .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }

        """
}
