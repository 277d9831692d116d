/// The shards' loads as a binary min-heap ordered by load, then by shard number, so that the
/// lightest shard (the lowest-numbered among equals) is found in O(log n) instead of O(n).
struct ShardLoads {
    private var heap: [(load: Double, shard: Int)]

    /// Shards 0 to `count − 1`, each with load 0.
    init(count: Int) {
        heap = (0..<count).map { (0, $0) }
    }

    /// Adds `cost` to the lightest shard and returns that shard.
    mutating func addToLightest(_ cost: Double) -> Int {
        let shard = heap[0].shard
        heap[0].load += cost
        var parent = 0
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && Self.lighter(heap[child], heap[smallest]) {
                smallest = child
            }
            guard smallest != parent else { return shard }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private static func lighter(_ a: (load: Double, shard: Int), _ b: (load: Double, shard: Int)) -> Bool {
        a.load != b.load ? a.load < b.load : a.shard < b.shard
    }
}
