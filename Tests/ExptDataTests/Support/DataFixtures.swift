import Foundation
import ExptData
import ExptTestSupport

/// Small data files written by the tests, in a fresh temporary folder.
struct FixtureFolder {
    let folder: TemporaryFolder
    var path: String { folder.path }

    init() throws {
        folder = try TemporaryFolder("data")
    }

    /// Writes `bytes` to `name` and returns the file, its path as written being `name`.
    @discardableResult
    func write(_ bytes: [UInt8], _ name: String) throws -> DataFile {
        DataFile(path: name, resolved: try folder.write(bytes, to: name))
    }

    func write(_ text: String, _ name: String) throws -> DataFile {
        try write(Array(text.utf8), name)
    }

    /// A file that is not there.
    func missing(_ name: String) -> DataFile {
        DataFile(path: name, resolved: folder.file(name))
    }

    func remove() {
        folder.remove()
    }
}

enum IDXBytes {
    /// An IDX file of unsigned bytes: the magic number, each dimension big-endian, the values.
    static func file(_ dimensions: [Int], _ values: [UInt8]) -> [UInt8] {
        [0, 0, 0x08, UInt8(dimensions.count)] + dimensions.flatMap(bigEndian) + values
    }

    static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// gzip written by hand (RFC 1952 around RFC 1951's stored blocks), independent of zlib, so the
/// reader is tested against the format rather than against the library it uses.
enum StoredGzip {
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var start = 0
        repeat {
            let end = min(start + 65_535, bytes.count)
            let length = end - start
            out.append(end == bytes.count ? 1 : 0)  // BFINAL, BTYPE 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        return out + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// CRC-32 (IEEE, reflected, polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// The description of the error `body` throws, or nil when it throws none.
func fileProblem(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as DataFileError {
        return error.description
    } catch {
        return "not a DataFileError: \(error)"
    }
}
