/// One shard of a sharded batch: shard `index` (from 0) of `count`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// The most shards a batch may be split into: as many as the most runs a manifest may
    /// declare (``ExptManifest/Experiment/maximumRuns``).
    public static let maximumCount = 100_000

    /// A shard; throws unless 0 ≤ `index` < `count` ≤ ``maximumCount``.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw ShardError("expected a shard count of at least 1, found \(count)") }
        guard count <= Self.maximumCount else {
            throw ShardError("expected a shard count of at most \(Self.maximumCount), found \(count)")
        }
        guard (0..<count).contains(index) else {
            throw ShardError("expected a shard index from 0 to \(count - 1) (shards are numbered from 0), found \(index)")
        }
        self.index = index
        self.count = count
    }

    /// `I/N`, as written on the command line.
    public var description: String { "\(index)/\(count)" }
}

/// A shard that cannot be used: a malformed `--shard`, an index out of range, or an environment
/// that names no shard. The message is complete.
public struct ShardError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
