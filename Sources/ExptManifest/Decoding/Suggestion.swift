/// "Did you mean" suggestions for misspelt keys.
enum Suggestion {
    /// `unknown key "lrr"; did you mean "lr"?`, or the list of allowed keys when none is close.
    /// A long key is cut as ``Tree/quote(_:)`` cuts it.
    static func unknownKey(_ key: String, allowed: [String]) -> String {
        if let match = closest(to: key, in: allowed) {
            return "unknown key \(Tree.quote(key)); did you mean \"\(match)\"?"
        }
        return "unknown key \(Tree.quote(key)); expected one of: \(allowed.sorted().joined(separator: ", "))"
    }

    /// The candidate nearest to `word`, if it is close: at most 2 edits, and at most a third of
    /// the candidate's length (at least 1). Case and `-` for `_` do not count as edits. A word
    /// more than 2 characters longer than every candidate is not read past that length.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let longest = candidates.map(\.count).max() ?? 0
        let head = word.prefix(longest + 3)
        guard head.count <= longest + 2 else { return nil }
        let normalized = normalize(String(head))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let allowed = min(2, max(1, candidate.count / 3))
            // The distance is at least the difference in length.
            guard abs(candidate.count - normalized.count) <= allowed else { continue }
            let target = normalize(candidate)
            let distance = editDistance(normalized, target)
            guard distance <= allowed else { continue }
            // The nearest, and the first in alphabetical order among the nearest.
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func normalize(_ word: String) -> [Character] {
        word.lowercased().map { $0 == "-" ? "_" : $0 }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
