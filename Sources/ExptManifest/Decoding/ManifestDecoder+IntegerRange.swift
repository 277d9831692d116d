extension ManifestDecoder {
    /// `[low, high]`: two integers of `range`, low ≤ high (MNIST-1D's `padding`).
    func integerRange(_ tree: Tree, _ range: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard let items = tree.items, items.count == 2,
              case .int(let low)? = items[0].scalar?.value, case .int(let high)? = items[1].scalar?.value,
              low >= range.lowerBound, low <= high, high <= range.upperBound else {
            let integers = range.lowerBound == 0 ? "non-negative integers" : "integers of at least \(range.lowerBound)"
            error(tree, "expected two \(integers) [low, high] with low ≤ high ≤ \(range.upperBound), found \(tree.found)")
            return nil
        }
        return low...high
    }
}
