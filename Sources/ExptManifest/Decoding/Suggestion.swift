/// "Did you mean" suggestions for misspelt keys.
enum Suggestion {
    /// `unknown key "lrr"; did you mean "lr"?`, or the list of allowed keys when none is close.
    /// A long key is cut as ``Tree/quote(_:)`` cuts it.
    static func unknownKey(_ key: String, allowed: [String]) -> String {
        Candidates(allowed).unknownKey(key)
    }

    /// `unknown variant "adamm"; did you mean "adam"?`, or the list of the declared variants.
    static func unknownVariant(_ name: String, declared: [String]) -> String {
        if let match = closest(to: name, in: declared) {
            return "unknown variant \(Tree.quote(name)); did you mean \(Tree.quote(match))?"
        }
        return "unknown variant \(Tree.quote(name)); the manifest declares " + declared.map { Tree.quote($0) }.joined(separator: ", ")
    }

    /// `unknown optimizer "my-adamv" in optimizers; did you mean "my-adamw"?`, or the list of the
    /// manifest's own optimizers.
    static func unknownOwnOptimizer(_ name: String, declared: [String]) -> String {
        if let match = closest(to: name, in: declared) {
            return "unknown optimizer \(Tree.quote(name)) in optimizers; did you mean \(Tree.quote(match))?"
        }
        return "unknown optimizer \(Tree.quote(name)) in optimizers; the manifest defines " + declared.map { Tree.quote($0) }.joined(separator: ", ")
    }

    /// The candidate nearest to `word`, if it is close; see ``Candidates/closest(to:)``.
    static func closest(to word: String, in candidates: [String]) -> String? {
        Candidates(candidates).closest(to: word)
    }

    /// Allowed keys prepared once (sorted, normalized, listed) for the many unknown keys of one
    /// mapping.
    struct Candidates {
        private let sorted: [(name: String, normalized: [Character])]
        private let listed: String
        private let longest: Int

        init(_ allowed: [String]) {
            let names = allowed.sorted()
            sorted = names.map { ($0, Suggestion.normalize($0)) }
            listed = names.joined(separator: ", ")
            longest = names.map(\.count).max() ?? 0
        }

        /// The message for the unknown key `key`, as ``Suggestion/unknownKey(_:allowed:)``;
        /// `owner` is named after the key (`unknown key "momentum" for optimizer "my-adamw" (adamw)`).
        func unknownKey(_ key: String, of owner: String? = nil) -> String {
            let unknown = "unknown key \(Tree.quote(key))" + (owner.map { " for \($0)" } ?? "")
            if let match = closest(to: key) {
                return "\(unknown); did you mean \"\(match)\"?"
            }
            return "\(unknown); expected one of: \(listed)"
        }

        /// The candidate nearest to `word`, if it is close: at most 2 edits, and at most a third
        /// of the candidate's length (at least 1); the first in alphabetical order among the
        /// nearest. Case and `-` for `_` do not count as edits. A word more than 2 characters
        /// longer than every candidate is not read past that length.
        func closest(to word: String) -> String? {
            let head = word.prefix(longest + 3)
            guard head.count <= longest + 2 else { return nil }
            let normalized = Suggestion.normalize(String(head))
            var best: (candidate: String, distance: Int)?
            for (name, target) in sorted {
                let allowed = min(2, max(1, name.count / 3))
                // The distance is at least the difference in length.
                guard abs(target.count - normalized.count) <= allowed else { continue }
                let distance = Suggestion.editDistance(normalized, target)
                if distance <= allowed, best == nil || distance < best!.distance {
                    best = (name, distance)
                }
            }
            return best?.candidate
        }
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
