/// `copy`: the target at position i is the input's symbol i.
public enum CopyTask: SymbolTask {
    public static let name = "copy"
    public static let targetText = "the input symbol there (a copy)"
    public static func targets(_ symbols: [Int]) -> [Int] { symbols }
}

/// `reverse`: the target at position i is the input's symbol length − 1 − i.
public enum ReverseTask: SymbolTask {
    public static let name = "reverse"
    public static let targetText = "the input read backwards"
    public static func targets(_ symbols: [Int]) -> [Int] { symbols.reversed() }
}

/// `sort`: the target at position i is the i-th smallest input symbol (ascending, repeats kept).
public enum SortTask: SymbolTask {
    public static let name = "sort"
    public static let targetText = "the input sorted in ascending order"
    public static func targets(_ symbols: [Int]) -> [Int] { symbols.sorted() }
}
