/// One parameter tensor of a layer, as its kind describes it: torch's name for it in the
/// equivalent module (`weight`, `bias_hh_l0`), torch's shape, and whether expt stores the matrix
/// transposed (see ``ParameterTensor``).
public struct LayerTensor: Sendable, Equatable {
    public let name: String
    public let shape: [Int]
    public let storedTransposed: Bool

    public init(_ name: String, _ shape: [Int], storedTransposed: Bool = false) {
        self.name = name
        self.shape = shape
        self.storedTransposed = storedTransposed
    }
}
