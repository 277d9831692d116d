import Testing
import ExptData

@Suite struct DataFileTests {
    @Test(arguments: [
        ("data/train.gz", "experiments", "/repo", "/repo/experiments/data/train.gz"),
        ("../data/train.gz", "experiments", "/repo", "/repo/data/train.gz"),
        ("./a/./b.csv", "", "/repo", "/repo/a/b.csv"),
        ("x.bin", "/abs/exp", "/repo", "/abs/exp/x.bin"),
        ("/data/x.bin", "experiments", "/repo", "/data/x.bin"),
        ("../../../x", "a", "/", "/x"),
    ])
    func pathsResolveAgainstTheManifestsFolder(path: String, directory: String, workingDirectory: String, resolved: String) {
        let file = DataFile(path: path, relativeTo: directory, workingDirectory: workingDirectory)
        #expect(file.path == path)
        #expect(file.resolved == resolved)
    }

    @Test func aManifestPathGivesItsFolder() {
        #expect(DataFile(path: "d/x.csv", manifestPath: "/srv/exp/m.yaml").resolved == "/srv/exp/d/x.csv")
        #expect(DataFile(path: "x.csv", manifestPath: "/m.yaml").resolved == "/x.csv")
    }
}
