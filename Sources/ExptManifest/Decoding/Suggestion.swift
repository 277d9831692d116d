/// "Did you mean" suggestions for misspelt keys.
enum Suggestion {
    /// `unknown key "lrr"; did you mean "lr"?`, or the list of allowed keys when none is close.
    static func unknownKey(_ key: String, allowed: [String]) -> String {
        if let match = closest(to: key, in: allowed) {
            return "unknown key \(Tree.quote(key)); did you mean \"\(match)\"?"
        }
        return "unknown key \(Tree.quote(key)); expected one of: \(allowed.sorted().joined(separator: ", "))"
    }

    /// `unknown variant "adamm"; did you mean "adam"?`, or the list of the declared variants.
    static func unknownVariant(_ name: String, declared: [String]) -> String {
        if let match = closest(to: name, in: declared) {
            return "unknown variant \(Tree.quote(name)); did you mean \(Tree.quote(match))?"
        }
        return "unknown variant \(Tree.quote(name)); the manifest declares " + declared.map { Tree.quote($0) }.joined(separator: ", ")
    }

    /// The candidate nearest to `word`, if it is close: at most 2 edits, and at most a third of
    /// the candidate's length (at least 1). Case and `-` for `_` do not count as edits.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let normalized = normalize(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(normalized, normalize(candidate))
            let allowed = min(2, max(1, candidate.count / 3))
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func normalize(_ word: String) -> [Character] {
        Array(word.lowercased().replacingOccurrences(of: "-", with: "_"))
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

private extension String {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
