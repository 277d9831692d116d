/// The Unicode scalars (code points) of a UTF-8 file's bytes, checked: the first byte that
/// does not begin a valid UTF-8 sequence is reported at its offset.
enum UTF8Text {
    static func scalars(_ bytes: [UInt8], file: DataFile) throws(DataFileError) -> [Unicode.Scalar] {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var scalars: [Unicode.Scalar] = []
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error:
                throw DataFileError(path: file.path, location: .byte(offset),
                                    message: String(format: "expected UTF-8 text, found the byte 0x%02X", bytes[offset]))
            case .emptyInput:
                return scalars
            }
        }
    }
}
