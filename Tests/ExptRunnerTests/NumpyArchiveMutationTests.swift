import ExptConfig
import ExptTestSupport
import Foundation
import Testing

@testable import ExptData

/// Every byte set to 0xFF or with its top bit flipped, and truncations, of numpy's files (stored and deflated) is
/// either read or refused with a message: no trap, and whatever is read is a consistent
/// array (its values fill its shape). A small deterministic fuzzer beside Fuzz/.
@Suite struct NumpyArchiveMutationTests {
    @Test(arguments: ["savez.npz", "savez_compressed.npz"])
    func everyDamagedVersionIsReadOrRefused(file: String) throws {
        let original = try NumpyArchiveTests.fixture(file)
        var refused = 0
        func check(_ bytes: [UInt8]) {
            do {
                let arrays = try NumpyArchive.decode(bytes, file: file)
                #expect(arrays.allSatisfy { $0.values.count == $0.shape.reduce(1, *) })
            } catch {
                #expect(error.description.hasPrefix("\(file): "))
                refused += 1
            }
        }
        for offset in original.indices {
            for value: UInt8 in [0xFF, original[offset] ^ 0x80] where value != original[offset] {
                var bytes = original
                bytes[offset] = value
                check(bytes)
            }
        }
        // Truncations (every 16th length, and the last 64): each loses the end record.
        let lengths = Array(stride(from: 0, to: original.count - 64, by: 16)) + Array(original.count - 64..<original.count)
        for length in lengths { check(Array(original.prefix(length))) }
        #expect(refused >= lengths.count)
    }
}
