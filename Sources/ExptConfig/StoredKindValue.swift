/// A family's configuration value (a model's `LayerSpec`, …): one kind's settings, equal when
/// they are the same kind with the same values, and stored through ``StoredKind`` among the
/// family's registry. A conforming type declares its registry and one initialiser; equality
/// and coding come from here.
public protocol StoredKindValue: Equatable, Codable {
    /// The family's protocol as a type (`any LayerKind`).
    associatedtype Family
    /// The family's kinds, among which a stored name is looked up.
    static var kinds: [any KindSettings.Type] { get }
    /// What the family is called in a decoding error (`layer`).
    static var family: String { get }
    /// The settings, seen as any kind's.
    var storedSettings: any KindSettings { get }
    init(_ settings: Family)
}

extension StoredKindValue {
    /// The kind's name in manifests and reports.
    public var name: String {
        type(of: storedSettings).name
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storedSettings.isEqual(to: rhs.storedSettings)
    }

    public func encode(to encoder: any Encoder) throws {
        try StoredKind.encode(storedSettings, to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try StoredKind.decode(Family.self, among: Self.kinds, family: Self.family, from: decoder))
    }
}
