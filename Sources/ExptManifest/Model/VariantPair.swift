/// Two variants whose final weights `analysis.interpolate.between` joins by a line: for each
/// seed, the loss along θ(α) = (1 − α) θ_a + α θ_b, θ_a the final weights of `first`'s run and
/// θ_b those of `second`'s run with the same seed (see docs/landscapes.md).
public struct VariantPair: Sendable, Equatable, Hashable {
    public var first: String
    public var second: String

    public init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }

    /// The pair's folder in the results, `<first>+<second>`.
    public var folderName: String { "\(first)+\(second)" }
    /// The pair's path in landscape.csv and on the chart, `<first>→<second>`.
    public var pathName: String { "\(first)→\(second)" }
}
