/// One named float32 array, row-major (C order), torch's shape: an entry of a weights file
/// (`0.weight` → its values), as NumPy's `.npz` and torch's `state_dict` hold them. A scalar
/// has the shape `[]` and one value; the values count is always the product of the shape.
public struct NamedArray: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    public var values: [Float]

    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }
}
