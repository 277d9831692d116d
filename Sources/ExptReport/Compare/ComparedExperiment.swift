import ExptManifest
import ExptStore

/// One experiment that `expt compare` reads: the results folder, its recorded manifest and
/// the stored runs of the runs that manifest declares (as `expt report` reads them).
public struct ComparedExperiment: Sendable {
    /// The results folder as given on the command line, for messages.
    public let folder: String
    public let experiment: Experiment
    public let records: [RunRecord]

    public init(folder: String, experiment: Experiment, records: [RunRecord]) {
        self.folder = folder
        self.experiment = experiment
        self.records = records
    }

    /// Throws unless `folder` is a results folder of this expt's layout: a folder without the
    /// layout file is named as not one.
    public static func check(_ folder: ResultsFolder) throws(StoreError) {
        guard folder.read("layout") != nil else {
            throw StoreError("\(folder.path) is not a results folder (it has no layout file); expt compare reads the folders `expt run` writes")
        }
        try folder.checkLayout()
    }

    /// The target every run is timed to; throws when the manifest sets none.
    func target() throws(StoreError) -> Double {
        guard let target = experiment.compare.target else {
            throw StoreError("\(folder): its manifest sets no compare.target; expt compare needs one in every experiment to time the optimizers")
        }
        return target
    }
}
