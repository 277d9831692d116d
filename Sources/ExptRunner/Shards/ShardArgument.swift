/// The value of `--shard`: `I/N` (shard I of N, from 0), `auto/N` (the index from the
/// environment, N given), or `auto` (both from the environment); see ``ShardEnvironment``.
public enum ShardArgument: Sendable, Equatable {
    case fixed(Shard)
    case automatic(count: Int?)

    /// Parses `I/N`, `auto/N` or `auto`.
    public init(parsing text: String) throws(ShardError) {
        let usage = ShardError("--shard \(text.debugDescription): expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto")
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let first = parts.first else { throw usage }
        var count: Int?
        if parts.count == 2 {
            guard let number = Self.integer(parts[1]) else { throw usage }
            count = number
        }
        do throws(ShardError) {
            if first == "auto" {
                if let count { _ = try Shard(index: 0, count: count) }
                self = .automatic(count: count)
                return
            }
            guard let index = Self.integer(first), let count else { throw usage }
            self = .fixed(try Shard(index: index, count: count))
        } catch {
            throw error == usage ? usage : ShardError("--shard \(text.debugDescription): \(error.description)")
        }
    }

    /// The shard this process trains, reading the environment for `auto`.
    public func resolve(environment: [String: String]) throws(ShardError) -> Shard {
        switch self {
        case .fixed(let shard): shard
        case .automatic(let count): try ShardEnvironment(environment).shard(count: count)
        }
    }

    /// A decimal integer of ASCII digits only (no sign, no spaces), or nil.
    static func integer(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
