import ExptConfig
import ExptTestSupport
import Foundation
import Testing

@testable import ExptData

/// NumpyArchive against files numpy wrote (Tests/weights/make_npz_fixtures.py): what np.savez
/// and np.savez_compressed write reads back as the script's values, and what expt writes is
/// byte for byte what np.savez writes for the same float32 arrays.
@Suite struct NumpyArchiveTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: FixtureFile.repository.appendingPathComponent("Tests/weights/\(name)")))
    }

    /// The float32 arrays of the script, written out.
    static let float32Arrays = [
        NamedArray(name: "0.weight", shape: [2, 3], values: [1, -2, 0.5, 0.25, 3, -0.125]),
        NamedArray(name: "0.bias", shape: [3], values: [0.5, -1.5, 2]),
        NamedArray(name: "scalar", shape: [], values: [-7.25]),
        NamedArray(name: "empty", shape: [0], values: []),
        NamedArray(name: "cube", shape: [2, 2, 2], values: [-4, -3, -2, -1, 0, 1, 2, 3]),
    ]

    /// The script's other element types, converted to float32 (0.1 rounded to nearest).
    static let otherEntries = [
        NumpyArchive.Entry(array: NamedArray(name: "double", shape: [2], values: [0.1, -2.5]), dtype: "<f8"),
        NumpyArchive.Entry(array: NamedArray(name: "half", shape: [2], values: [1.5, -0.375]), dtype: "<f2"),
        NumpyArchive.Entry(array: NamedArray(name: "num_batches_tracked", shape: [], values: [12]), dtype: "<i8"),
        NumpyArchive.Entry(array: NamedArray(name: "int32", shape: [1, 2], values: [-3, 4]), dtype: "<i4"),
    ]

    @Test(arguments: ["savez.npz", "savez_compressed.npz"])
    func readsWhatNumpyWrites(file: String) throws {
        let entries = try NumpyArchive.decodeEntries(try Self.fixture(file), file: file)
        #expect(entries == Self.float32Arrays.map { NumpyArchive.Entry(array: $0, dtype: "<f4") } + Self.otherEntries)
    }

    @Test func writesWhatNumpyWritesByteForByte() throws {
        #expect(NumpyArchive.encode(Self.float32Arrays) == (try Self.fixture("float32_only.npz")))
    }

    @Test func readsBackWhatItWrites() throws {
        #expect(try NumpyArchive.decode(NumpyArchive.encode(Self.float32Arrays), file: "w.npz") == Self.float32Arrays)
    }

    @Test func refusesFortranOrder() throws {
        #expect(throws: WeightsError("fortran.npz: array 'transposed': expected C order (fortran_order False), found Fortran order: save np.ascontiguousarray(a)")) {
            try NumpyArchive.decode(try Self.fixture("fortran.npz"), file: "fortran.npz")
        }
    }
}
