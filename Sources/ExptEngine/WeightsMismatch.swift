/// Why a set of named arrays does not fit a network (``Network/load(_:)``): an array the
/// network has no tensor for, one named twice, or one whose shape differs from the tensor's
/// torch shape. The caller adds where the arrays came from (the file, the manifest's line).
public enum WeightsMismatch: Error, Equatable, CustomStringConvertible {
    case unknown(name: String)
    case duplicate(name: String)
    case shape(name: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case .unknown(let name): "the model has no tensor '\(name)'"
        case .duplicate(let name): "the array '\(name)' is given twice"
        case .shape(let name, let expected, let found):
            "the array '\(name)' has the shape \(Self.text(found)), the model's tensor is \(Self.text(expected))"
        }
    }

    private static func text(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
}
