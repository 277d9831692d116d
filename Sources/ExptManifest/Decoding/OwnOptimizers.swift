/// The optimizers a manifest names itself (`optimizers:`), as read, and what resolving them has
/// found so far: each is resolved once however many runs use it.
struct OwnOptimizers {
    /// The names in file order.
    private(set) var names: [String] = []
    /// Each definition as a mapping (a bare name expanded), by name.
    private(set) var definitions: [String: Tree] = [:]
    /// Definitions with their chain of own names followed to a built-in, by name.
    var resolved: [String: Tree] = [:]
    /// The cycle that a name's chain runs into (the names in it, from the first declared), by name.
    var cycles: [String: [String]] = [:]

    mutating func add(_ name: String, _ definition: Tree) {
        names.append(name)
        definitions[name] = definition
    }

    /// Whether `name` is one of them.
    func contains(_ name: String) -> Bool {
        definitions[name] != nil
    }
}
