/// Values that break a rule across settings: the key to blame, the keys involved and why.
public struct HyperparameterConflict: Sendable, Equatable {
    /// The setting the error points at.
    public let key: String
    /// The other settings the rule reads.
    public let involving: [String]
    public let message: String

    public init(key: String, involving: [String], message: String) {
        self.key = key
        self.involving = involving
        self.message = message
    }
}
