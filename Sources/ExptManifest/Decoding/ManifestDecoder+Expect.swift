import ExptData
import ExptYAML

/// `expect`: CI assertions over the variants' summary metrics, checked after the runs.
///
/// ```yaml
/// expect:
///   - adam.val_accuracy > sgd.val_accuracy   # variant.metric, relation, variant.metric
///   - momentum.val_loss < 0.5                # or a number on the right
/// ```
///
/// The relation is one of `>`, `>=`, `<`, `<=`; the metrics are those of ``ExpectedMetric``.
/// A variant is named up to the last `.` of its side (variant names may hold dots). A problem
/// inside an assertion is reported at its own column when the assertion is written on one line.
extension ManifestDecoder {
    static let expectationForm = "\"variant.metric > variant.metric\" or \"variant.metric < number\" (with >, >=, < or <=)"

    /// Decodes the `expect` list; `variantNames` are the names the manifest declares, `variants`
    /// those that decoded (for the checks that need their data).
    func expectations(_ tree: Tree, variantNames: [String], variants: [Variant]) -> [Expectation]? {
        let items: [Tree]
        switch tree.kind {
        case .sequence(let list): items = list
        case .scalar: items = [tree]
        case .mapping:
            error(tree, "expected a sequence of expectations, found a mapping")
            return nil
        }
        let start = errorCount
        let decoded = items.compactMap { expectation($0, variantNames: variantNames, variants: variants) }
        return errorCount == start ? decoded : nil
    }

    private func expectation(_ tree: Tree, variantNames: [String], variants: [Variant]) -> Expectation? {
        guard case .string(let text)? = tree.scalar?.value else {
            error(tree, "expected an expectation of the form \(Self.expectationForm), found \(tree.found)")
            return nil
        }
        let characters = Array(text.unicodeScalars)
        guard let (relation, position) = Self.relation(in: characters) else {
            error(tree, "expected an expectation of the form \(Self.expectationForm), found \(tree.found)")
            return nil
        }
        let leftRange = Self.trimmed(characters, 0..<position)
        let rightRange = Self.trimmed(characters, (position + relation.rawValue.unicodeScalars.count)..<characters.count)
        let start = errorCount
        let left = operand(characters, leftRange, in: tree, variantNames: variantNames, variants: variants)
        let rightText = String(String.UnicodeScalarView(characters[rightRange]))
        var right: Expectation.Right?
        if let number = Double(rightText), number.isFinite {
            right = .number(number)
        } else if let operand = operand(characters, rightRange, in: tree, variantNames: variantNames, variants: variants) {
            right = .operand(operand)
        }
        guard errorCount == start, let left, let right else { return nil }
        return Expectation(text: text, left: left, relation: relation, right: right)
    }

    /// `variant.metric` at `range` of the assertion's characters.
    private func operand(_ characters: [Unicode.Scalar], _ range: Range<Int>, in tree: Tree,
                         variantNames: [String], variants: [Variant]) -> Expectation.Operand? {
        let text = String(String.UnicodeScalarView(characters[range]))
        let mark = self.mark(in: tree, at: range.lowerBound)
        guard let dot = characters[range].lastIndex(of: "."), dot > range.lowerBound, dot < range.upperBound - 1,
              !text.contains(where: \.isWhitespace) else {
            error(at: mark, path: tree.path, "expected variant.metric, found \(Tree.quote(text))")
            return nil
        }
        let name = String(String.UnicodeScalarView(characters[range.lowerBound..<dot]))
        let metricName = String(String.UnicodeScalarView(characters[(dot + 1)..<range.upperBound]))
        let metricMark = self.mark(in: tree, at: dot + 1)
        var failed = false
        if !variantNames.contains(name) {
            error(at: mark, path: tree.path, "unknown variant \(Tree.quote(name)); expected one of: \(variantNames.sorted().joined(separator: ", "))")
            failed = true
        }
        guard let metric = ExpectedMetric(rawValue: metricName) else {
            let names = ExpectedMetric.allCases.map(\.rawValue).sorted().joined(separator: ", ")
            error(at: metricMark, path: tree.path, "unknown metric \(Tree.quote(metricName)); expected one of: \(names)")
            return nil
        }
        if let variant = variants.first(where: { $0.name == name }) {
            let data = variant.config.data
            if metric == .validationAccuracy || metric == .testAccuracy, data.dataset.isRegression {
                error(at: metricMark, path: tree.path,
                      "variant \(Tree.quote(name)) trains on the regression dataset \(data.dataset.name), which records no \(metric.rawValue)")
                failed = true
            }
            if metric == .testLoss || metric == .testAccuracy, data.test == 0, !data.dataset.hasOwnTestSet {
                error(at: metricMark, path: tree.path,
                      "variant \(Tree.quote(name)) has no test set for \(metric.rawValue); set data.test or use a dataset with its own test set")
                failed = true
            }
        }
        return failed ? nil : Expectation.Operand(variant: name, metric: metric)
    }

    /// The first relation in the assertion and where it starts: `>=` and `<=` before `>` and `<`.
    private static func relation(in characters: [Unicode.Scalar]) -> (Expectation.Relation, Int)? {
        guard let index = characters.firstIndex(where: { $0 == ">" || $0 == "<" }) else { return nil }
        let hasEquals = index + 1 < characters.count && characters[index + 1] == "="
        let relation: Expectation.Relation = characters[index] == ">"
            ? (hasEquals ? .greaterOrEqual : .greater) : (hasEquals ? .lessOrEqual : .less)
        return (relation, index)
    }

    /// `range` without the white space at either end.
    private static func trimmed(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, characters[low].properties.isWhitespace { low += 1 }
        while high > low, characters[high - 1].properties.isWhitespace { high -= 1 }
        return low..<high
    }

    /// Where the `offset`th character of a scalar is written: its own column when the scalar's
    /// text appears as written on its line (plain, or quoted without escapes); else the scalar's start.
    private func mark(in tree: Tree, at offset: Int) -> Mark {
        guard let scalar = tree.scalar, let line = sourceLine(tree.mark.line, in: tree.source) else { return tree.mark }
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        guard scalar.style == .plain || quote == 1 else { return tree.mark }
        let written = Array(line.unicodeScalars).dropFirst(tree.mark.column - 1 + quote)
        guard written.starts(with: scalar.text.unicodeScalars) else { return tree.mark }
        return Mark(line: tree.mark.line, column: tree.mark.column + quote + offset)
    }

    /// Any finite number (`target: 0.9`, `target: -1.5`).
    func finiteNumber(_ tree: Tree) -> Double? {
        guard let value = tree.scalar?.value.number, value.isFinite else {
            error(tree, "expected a number, found \(tree.found)")
            return nil
        }
        return value
    }
}
