/// Builds a ``Node`` tree from libyaml events by recursive descent: one function call per node,
/// so the Swift stack depth is bounded by ``YAML/Limits/depth``.
struct TreeBuilder {
    let reader: EventReader
    let text: String
    let path: String
    let limits: YAML.Limits

    /// Finished anchored nodes, with their size in nodes (aliases inside counted expanded).
    private var anchors: [String: (node: Node, size: Int)] = [:]
    /// Anchors whose node is still being built: an alias to one of them would be a cycle.
    private var openAnchors: Set<String> = []
    /// Nodes added by alias expansion so far.
    private var expanded = 0

    init(reader: EventReader, text: String, path: String, limits: YAML.Limits) {
        self.reader = reader
        self.text = text
        self.path = path
        self.limits = limits
    }

    mutating func document() throws(YAMLError) -> Node {
        guard case .streamStart = try next() else { throw error(Mark(line: 1, column: 1), "expected the start of a YAML stream") }
        let root: Node
        switch try next() {
        case .streamEnd:
            return Node.scalar("", mark: Mark(line: 1, column: 1))
        case .documentStart:
            root = try node(try next(), depth: 0).node
        default:
            throw error(Mark(line: 1, column: 1), "expected a YAML document")
        }
        guard case .documentEnd = try next() else { throw error(root.mark, "expected the end of the document") }
        switch try next() {
        case .streamEnd:
            return root
        case .documentStart(let mark):
            throw error(mark, "a second document starts here; expected a single document")
        default:
            throw error(root.mark, "expected the end of the YAML stream")
        }
    }

    // MARK: - Nodes

    private mutating func node(_ event: Event, depth: Int) throws(YAMLError) -> (node: Node, size: Int) {
        switch event {
        case .alias(let anchor, let mark):
            guard let anchored = anchors[anchor] else {
                if openAnchors.contains(anchor) {
                    throw error(mark, "alias *\(anchor) refers to a node that contains it")
                }
                throw error(mark, "unknown alias *\(anchor); no anchor &\(anchor) is defined before it")
            }
            expanded += anchored.size
            guard expanded <= limits.aliasExpansion else {
                throw error(mark, "aliases expand to more than \(limits.aliasExpansion) nodes; refusing a possible alias bomb")
            }
            var node = anchored.node
            node.aliasMark = mark
            return (node, anchored.size)

        case .scalar(let scalar, let anchor, let mark):
            try checkTag(of: scalar, at: mark)
            let node = Node(.scalar(scalar), mark: mark)
            if let anchor { anchors[anchor] = (node, 1) }
            return (node, 1)

        case .sequenceStart(let tag, let anchor, let mark):
            try checkDepth(depth, at: mark)
            try checkCollectionTag(tag, allowed: "!!seq", at: mark)
            if let anchor { openAnchors.insert(anchor) }
            var items: [Node] = []
            var size = 1
            while true {
                let event = try next()
                if case .sequenceEnd = event { break }
                let item = try node(event, depth: depth + 1)
                items.append(item.node)
                size += item.size
            }
            let node = Node(.sequence(items), mark: mark)
            if let anchor { openAnchors.remove(anchor); anchors[anchor] = (node, size) }
            return (node, size)

        case .mappingStart(let tag, let anchor, let mark):
            try checkDepth(depth, at: mark)
            try checkCollectionTag(tag, allowed: "!!map", at: mark)
            if let anchor { openAnchors.insert(anchor) }
            let (pairs, size) = try mapping(depth: depth)
            let node = Node(.mapping(pairs), mark: mark)
            if let anchor { openAnchors.remove(anchor); anchors[anchor] = (node, size) }
            return (node, size)

        case .documentStart(let mark):
            throw error(mark, "unexpected document start")
        case .streamStart, .streamEnd, .documentEnd, .sequenceEnd, .mappingEnd:
            throw error(Mark(line: 1, column: 1), "unexpected event from libyaml")
        }
    }

    /// Reads pairs up to the end of a mapping, refusing duplicate keys, then applies merge keys.
    private mutating func mapping(depth: Int) throws(YAMLError) -> ([Node.Pair], Int) {
        var pairs: [Node.Pair] = []
        var size = 1
        var seen: [ScalarValue: Mark] = [:]
        var mergeMark: Mark?
        while true {
            let event = try next()
            if case .mappingEnd = event { break }
            let key = try node(event, depth: depth + 1)
            if isMergeKey(key.node) {
                if let first = mergeMark {
                    throw duplicate("<<", first: first, again: key.node.mark)
                }
                mergeMark = key.node.mark
            } else if let scalar = key.node.scalar {
                if let first = seen[scalar.value] {
                    throw duplicate(scalar.text, first: first, again: key.node.mark)
                }
                seen[scalar.value] = key.node.mark
            }
            let value = try node(try next(), depth: depth + 1)
            pairs.append(Node.Pair(key: key.node, value: value.node))
            size += key.size + value.size
        }
        guard mergeMark != nil else { return (pairs, size) }

        var present = Set(seen.keys)
        var merged: [Node.Pair] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                merged.append(pair)
                continue
            }
            let sources: [Node]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items): sources = items
            case .scalar: throw mergeError(pair.value)
            }
            for source in sources {
                guard let sourcePairs = source.mapping else { throw mergeError(source) }
                for candidate in sourcePairs {
                    if let scalar = candidate.key.scalar {
                        guard present.insert(scalar.value).inserted else { continue }
                    }
                    merged.append(candidate)
                }
            }
        }
        return (merged, size)
    }

    private func isMergeKey(_ key: Node) -> Bool {
        guard let scalar = key.scalar, scalar.text == "<<" else { return false }
        return (scalar.style == .plain && scalar.tag == nil) || scalar.tag == Scalar.corePrefix + "merge"
    }

    // MARK: - Checks

    private func checkDepth(_ depth: Int, at mark: Mark) throws(YAMLError) {
        if depth >= limits.depth {
            throw error(mark, "sequences and mappings nest deeper than \(limits.depth) levels")
        }
    }

    private func checkTag(of scalar: Scalar, at mark: Mark) throws(YAMLError) {
        guard let tag = scalar.tag else { return }
        let short = Scalar.shortTag(tag)
        if short == "!!merge" && scalar.text == "<<" { return }
        guard ["!", "!!str", "!!int", "!!float", "!!bool", "!!null"].contains(short) else {
            throw error(mark, "unsupported tag \(short); expected one of: !!bool, !!float, !!int, !!null, !!str")
        }
        if ScalarValue.resolve(scalar.text, tag: tag) == nil {
            throw error(mark, "\"\(scalar.text)\" is not a valid \(short) value")
        }
    }

    private func checkCollectionTag(_ tag: String?, allowed: String, at mark: Mark) throws(YAMLError) {
        guard let tag else { return }
        let short = Scalar.shortTag(tag)
        if short != "!" && short != allowed {
            throw error(mark, "unsupported tag \(short); expected \(allowed) or none")
        }
    }

    // MARK: - Errors

    private func next() throws(YAMLError) -> Event {
        do {
            return try reader.next()
        } catch {
            throw convert(error)
        }
    }

    private func error(_ mark: Mark, _ message: String) -> YAMLError {
        YAMLError(path: path, mark: mark, message: message, sourceLine: Snippet.line(mark.line, of: text))
    }

    private func duplicate(_ key: String, first: Mark, again: Mark) -> YAMLError {
        error(again, "duplicate key \"\(key)\" on line \(again.line); it was first set on line \(first.line)")
    }

    private func mergeError(_ node: Node) -> YAMLError {
        error(node.mark, "a merge key << takes a mapping or a sequence of mappings, found \(node.kindDescription)")
    }

    private func convert(_ e: LibYAMLError) -> YAMLError {
        var mark = e.problemMark
        if let offset = e.byteOffset { mark = self.mark(atByteOffset: offset) }
        // A problem found at the end of the text ("did not find expected ']'") is better shown
        // where the unfinished construct starts.
        if let contextMark = e.contextMark, Snippet.line(mark.line, of: text) == nil {
            mark = contextMark
        }
        var message = e.problem
        if let context = e.context {
            message += " " + context
            if let contextMark = e.contextMark, contextMark.line != mark.line {
                message += " that starts on line \(contextMark.line)"
            }
        }
        return error(mark, message)
    }

    private func mark(atByteOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        for scalar in String(decoding: text.utf8.prefix(offset), as: UTF8.self).unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Mark(line: line, column: column)
    }
}
