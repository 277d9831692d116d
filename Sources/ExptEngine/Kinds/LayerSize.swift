/// The sizes a manifest may give a layer.
public enum LayerSize {
    /// Units or filters.
    public static let units = 1...100_000
    /// The side of a kernel or a window, or a stride.
    public static let window = 1...10_000
}
