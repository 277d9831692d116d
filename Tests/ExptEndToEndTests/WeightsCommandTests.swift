import ExptTestSupport
import Foundation
import Testing

@testable import expt

/// `expt weights FILE.npz` on the numpy-written fixture (values of Tests/weights/make_npz_fixtures.py;
/// norms, minima and maxima checked with numpy and `%g`), and its errors.
@Suite struct WeightsCommandTests {
    static let fixture = FixtureFile.repository.appendingPathComponent("Tests/weights/savez.npz").path

    @Test func listsEveryArray() {
        #expect(Expt.WeightsCommand.listing(of: Self.fixture) == .success("""
            name                 shape      dtype  l2_norm  min     max
            0.weight             [2, 3]     <f4    3.78525  -2      3
            0.bias               [3]        <f4    2.54951  -1.5    2
            scalar               []         <f4    7.25     -7.25   -7.25
            empty                [0]        <f4    0        -       -
            cube                 [2, 2, 2]  <f4    6.63325  -4      3
            double               [2]        <f8    2.502    -2.5    0.1
            half                 [2]        <f2    1.54616  -0.375  1.5
            num_batches_tracked  []         <i8    12       12      12
            int32                [1, 2]     <i4    5        -3      4
            9 arrays, 25 values

            """))
    }

    @Test func aMissingFileIsExitCodeOne() throws {
        #expect(Expt.WeightsCommand.listing(of: "/nonexistent/w.npz") == .failure(.init("/nonexistent/w.npz: cannot read the file (no such file)")))
        #expect(try runExpt(["weights", "/nonexistent/w.npz"]) == 1)
    }

    @Test func aFileThatIsNotAnNpzIsExitCodeOne() throws {
        let folder = try TemporaryFolder("weights-command")
        defer { folder.remove() }
        let path = try folder.write("not a zip", to: "w.npz")
        #expect(Expt.WeightsCommand.listing(of: path)
                == .failure(.init("\(path): expected a zip file (a NumPy .npz), found no end-of-central-directory record")))
        #expect(try runExpt(["weights", path]) == 1)
    }
}
