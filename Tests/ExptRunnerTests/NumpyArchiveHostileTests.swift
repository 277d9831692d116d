import ExptConfig
import Testing

@testable import ExptData

/// Damaged and lying .npz files: each is refused with a message naming the file and the array,
/// without a trap and without allocating what a lying header claims.
@Suite struct NumpyArchiveHostileTests {
    /// One stored entry `a.npy` holding a [2] float32 array: local header at 0 (30 + 5 + 20
    /// bytes), the .npy at 55 (a 128-byte header, 8 bytes of data), then the directory at 191.
    static let valid = NumpyArchive.encode([NamedArray(name: "a", shape: [2], values: [1, 2])])

    static func patched(_ offset: Int, _ bytes: [UInt8], in file: [UInt8] = valid) -> [UInt8] {
        var copy = file
        copy.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        return copy
    }

    static func error(_ bytes: [UInt8]) -> String {
        do {
            _ = try NumpyArchive.decode(bytes, file: "w.npz")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func layoutIsAsDocumented() {
        #expect(Self.valid.count == 191 + 51 + 22)
        #expect(Array(Self.valid[55..<61]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59])
    }

    @Test func notAZipFile() {
        #expect(Self.error(Array("hello".utf8)) == "w.npz: expected a zip file (a NumPy .npz), found no end-of-central-directory record")
        #expect(Self.error([]) == "w.npz: expected a zip file (a NumPy .npz), found no end-of-central-directory record")
    }

    @Test func truncatedFile() {
        #expect(Self.error(Array(Self.valid.prefix(100))) == "w.npz: expected a zip file (a NumPy .npz), found no end-of-central-directory record")
    }

    @Test func directoryOutsideTheFile() {
        // The end record's directory offset (at 264 - 22 + 16) moved past the end.
        #expect(Self.error(Self.patched(258, [0x00, 0x10, 0, 0]))
                == "w.npz: expected the central directory (51 bytes at offset 4096) within the file's 264 bytes")
    }

    @Test func lyingEntryCount() {
        #expect(Self.error(Self.patched(252, [0xFE, 0xFF]))
                == "w.npz: expected at most 1 entries in a 51-byte central directory, found a count of 65534")
    }

    @Test func lyingCompressedSize() {
        // The central entry's sizes (at 191 + 20 and + 24) say 4096 bytes.
        #expect(Self.error(Self.patched(211, [0, 0x10, 0, 0, 0, 0x10, 0, 0]))
                == "w.npz: array 'a.npy': expected 4096 bytes of data at offset 55, found the file ending")
    }

    @Test func wrongChecksum() {
        // The last data byte changed (CRC-32s from Python's zlib.crc32).
        #expect(Self.error(Self.patched(190, [0x41])) == "w.npz: array 'a.npy': expected the CRC-32 e7abca9a of the directory, found 90acfa0c")
    }

    /// An archive of one stored entry `a.npy`: a version 1.0 .npy with the header `text`, then
    /// `data` (the entry's CRC is right, so the .npy itself is what is read).
    static func archive(header text: String, data: [UInt8] = []) -> [UInt8] {
        var writer = ZipWriter()
        writer.addStored(name: "a.npy", data: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.utf8.count), 0] + Array(text.utf8) + data)
        return writer.finish()
    }

    @Test(arguments: [
        // A shape claiming 10^17 elements over 8 bytes of data: refused before anything is allocated.
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000000000000,), }",
         "w.npz: array 'a': expected 8 bytes of data to hold the shape [100000000000000000], found fewer"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
         "w.npz: array 'a': expected 12 bytes of data for the shape [3] of <f4, found 8"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }",
         "w.npz: array 'a': expected 4 bytes of data for the shape [1] of <f4, found 8"),
        ("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
         "w.npz: array 'a': expected the element type '<f4', '<f8', '<f2', '<i8', '<i4', found '>f4'"),
        ("{'descr': '<f4', 'shape': (2,), }",
         "w.npz: array 'a': expected 'fortran_order' True or False in the header, found none"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), }",
         "w.npz: array 'a': in the header: expected a non-negative integer at character 55, found '-'"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'shape': (2,)}",
         "w.npz: array 'a': in the header: found the key 'shape' twice"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)",
         "w.npz: array 'a': in the header: expected ',' or '}' at character 55, found the end"),
        ("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,)}",
         "w.npz: array 'a': in the header: expected a string, True, False or a tuple at character 35, found 'M'"),
        ("{'descr': '<f4', 'fortran_order': False, 'shape': (1234567890123456789,)}",
         "w.npz: array 'a': in the header: found a dimension of more than 18 digits"),
    ])
    func refusesABadHeader(header: String, message: String) {
        #expect(Self.error(Self.archive(header: header, data: [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40])) == message)
    }

    @Test func refusesAHeaderLongerThanTheEntry() {
        var writer = ZipWriter()
        writer.addStored(name: "a.npy", data: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0xFF, 0xFF, 0x7B])
        #expect(Self.error(writer.finish()) == "w.npz: array 'a': expected a 65535-byte header, found 1 bytes")
    }

    @Test func refusesAnotherVersion() {
        var writer = ZipWriter()
        writer.addStored(name: "a.npy", data: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 9, 0, 0, 0])
        #expect(Self.error(writer.finish()) == "w.npz: array 'a': expected .npy format version 1, 2 or 3, found 9.0")
    }

    @Test func refusesADuplicateArray() {
        var writer = ZipWriter()
        writer.addStored(name: "a.npy", data: Array(Self.valid[55..<191]))
        writer.addStored(name: "a", data: Array(Self.valid[55..<191]))
        #expect(Self.error(writer.finish()) == "w.npz: array 'a': expected each array once, found it twice")
    }
}
