/// A key of a kind's stored form, any string: the kind's name (`{"adam": …}`) or the `_0` of an
/// unlabelled value, as the enums the kinds replaced were encoded.
public struct StoredKey: CodingKey {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }

    /// `_0`: the key of an enum case's one unlabelled value.
    public static let unlabelled = StoredKey(stringValue: "_0")
}
