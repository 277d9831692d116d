import Testing
@testable import ExptManifest

@Test func smoke() throws {
    let e = try ManifestLoader.decode(text: baseManifest, path: "x.yaml")
    print(e)
    print(errorText("name: x\n") ?? "")
    print(errorText(baseManifest.replacingOccurrences(of: "lr: 0.1", with: "lr: fast").replacingOccurrences(of: "epochs: 10", with: "epochs: -1\n  lrr: 3")) ?? "")
}
