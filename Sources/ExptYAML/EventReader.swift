internal import CYAML

/// One libyaml parsing event, copied out of C memory.
enum Event {
    case streamStart
    case streamEnd
    case documentStart(Mark)
    case documentEnd
    case alias(anchor: String, mark: Mark)
    case scalar(Scalar, anchor: String?, mark: Mark)
    case sequenceStart(tag: String?, anchor: String?, mark: Mark)
    case sequenceEnd
    case mappingStart(tag: String?, anchor: String?, mark: Mark)
    case mappingEnd
}

/// A syntax error as libyaml reports it.
struct LibYAMLError: Error {
    var problem: String
    var problemMark: Mark
    var context: String?
    var contextMark: Mark?
    /// For reader errors (bad encoding, control characters), the byte offset of the problem,
    /// since libyaml gives no line and column for them.
    var byteOffset: Int?
}

/// Drives libyaml's event parser over a string. Owns the parser and a copy of the input, both
/// freed in `deinit`; every event is copied into an ``Event`` and deleted at once.
final class EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var initialized = false

    init(text: String) {
        let bytes = Array(text.utf8)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        if yaml_parser_initialize(parser) != 0 {
            initialized = true
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        }
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or libyaml's error.
    func next() throws(LibYAMLError) -> Event {
        guard initialized else {
            throw LibYAMLError(problem: "out of memory", problemMark: Mark(line: 1, column: 1))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            throw currentError()
        }
        defer { yaml_event_delete(&event) }
        let mark = Mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(mark)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
            let scalar = Scalar(text, style: Scalar.Style(data.style), tag: string(data.tag))
            return .scalar(scalar, anchor: string(data.anchor), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(tag: string(data.tag), anchor: string(data.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(tag: string(data.tag), anchor: string(data.anchor), mark: mark)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            throw LibYAMLError(problem: "unexpected event from libyaml", problemMark: mark)
        }
    }

    private func currentError() -> LibYAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return LibYAMLError(problem: "out of memory", problemMark: Mark(p.problem_mark))
        case YAML_READER_ERROR:
            // The reader reports a byte offset, not a line; the text is valid UTF-8 (it came from
            // a Swift String), so this is rare: a control character, for instance.
            var error = LibYAMLError(problem: problem, problemMark: Mark(p.problem_mark))
            error.byteOffset = p.problem_offset
            return error
        default:
            return LibYAMLError(
                problem: problem,
                problemMark: Mark(p.problem_mark),
                context: p.context.map { String(cString: $0) },
                contextMark: p.context == nil ? nil : Mark(p.context_mark))
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension Mark {
    /// libyaml counts lines and columns from 0.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension Scalar.Style {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
