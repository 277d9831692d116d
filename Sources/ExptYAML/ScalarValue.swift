/// A scalar typed by the YAML 1.2 core schema.
///
/// | type | plain forms |
/// |---|---|
/// | null | `~`, `null`, `Null`, `NULL`, and the empty scalar |
/// | bool | `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (not `yes`, `no`, `on`, `off`: those are strings) |
/// | int | `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` |
/// | float | `[-+]?(\.[0-9]+ \| [0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` (`.Inf`, `.INF`), `.nan` (`.NaN`, `.NAN`) |
/// | string | everything else |
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integer that fits in `Int`.
    case int(Int)
    /// An integer too large for `Int`, as written (sign and `0x`/`0o` prefix included).
    case bigInt(String)
    case float(Double)
    case string(String)

    /// The value as a `Double`, for ints (big ones included) and floats.
    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let d): d
        case .bigInt(let text): ScalarValue.bigIntAsDouble(text)
        default: nil
        }
    }

    /// Resolves a plain (unquoted, untagged) scalar by the core schema.
    public static func resolvePlain(_ text: String) -> ScalarValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        if let int = integer(text) { return int }
        if isFloat(text), let d = Double(text) { return .float(d) }
        return .string(text)
    }

    /// Resolves a scalar under an explicit tag, or nil when the text does not fit the tag or the
    /// tag is not one of the core scalar tags. The non-specific tag `!` means a string.
    public static func resolve(_ text: String, tag: String) -> ScalarValue? {
        switch Scalar.shortTag(tag) {
        case "!", "!!str":
            return .string(text)
        case "!!null":
            return resolvePlain(text) == .null ? .null : nil
        case "!!bool":
            if case .bool(let b) = resolvePlain(text) { return .bool(b) }
            return nil
        case "!!int":
            return integer(text)
        case "!!float":
            switch resolvePlain(text) {
            case .float(let d): return .float(d)
            case .int(let i): return .float(Double(i))
            case .bigInt(let s): return bigIntAsDouble(s).map(ScalarValue.float)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The core schema's integer forms, or nil.
    static func integer(_ text: String) -> ScalarValue? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let hex = bytes[1] == UInt8(ascii: "x")
            let digits = bytes[2...]
            guard digits.allSatisfy({ hex ? isHexDigit($0) : (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else { return nil }
            if let value = Int(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 8) { return .int(value) }
            return .bigInt(text)
        }
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        if let value = Int(text) { return .int(value) }
        return .bigInt(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        if integerDigits == 0 && (!hasPoint || fractionDigits == 0) { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit).count
            if exponentDigits == 0 { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    static func bigIntAsDouble(_ text: String) -> Double? {
        if text.hasPrefix("0x") || text.hasPrefix("0o") {
            let radix = text.hasPrefix("0x") ? 16.0 : 8.0
            var value = 0.0
            for c in text.dropFirst(2) {
                guard let digit = c.hexDigitValue else { return nil }
                value = value * radix + Double(digit)
            }
            return value
        }
        return Double(text)
    }

    private static func isDigit(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
    }
}
