import ExptData
import ArgumentParser
import ExptStore
import Foundation

extension Expt {
    /// `expt weights FILE.npz`: the arrays of a weights file (``WeightsListing``), for a quick
    /// look without Python.
    struct WeightsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weights",
            abstract: "Print the arrays of a weights file (.npz): name, shape, dtype, L2 norm, min and max.",
            discussion: """
                Reads what expt writes (train.save_weights) and what np.savez and \
                np.savez_compressed write. Exit code 1 when the file cannot be read or is not a \
                valid .npz (the message names the file and the array).
                """)

        @Argument(help: "The .npz file.")
        var file: String

        func run() throws {
            switch Self.listing(of: file) {
            case .success(let text): print(text, terminator: "")
            case .failure(let error):
                printError("expt: \(error.description)")
                throw ExitStatus.runtimeError
            }
        }

        /// The listing of `path`, or why the file cannot be read.
        static func listing(of path: String) -> Result<String, WeightsError> {
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(WeightsError("\(path): cannot read the file (\(FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file"))"))
            }
            do {
                return .success(WeightsListing.text(try NumpyArchive.decodeEntries([UInt8](data), file: path)))
            } catch {
                return .failure(error)
            }
        }
    }
}
