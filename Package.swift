// swift-tools-version:6.0
import PackageDescription

// One target per link of the chain; dependencies point down it:
// CYAML -> ExptYAML -> ExptManifest -> ExptStore -> ExptRunner, ExptStore -> ExptReport -> expt,
// with ExptEngine (over CKernels), ExptOptim and ExptData below the manifest,
// because a manifest decodes straight into their configuration types; the report reads
// stored results (ExptStore), never the runner
// (docs/architecture.md draws the graph; ModuleGraphTests checks the imports against it).
// The benchmarks (expt-bench, measured against OpenBLAS) are a package of their own in
// benchmarks/, over the ExptEngine and ExptOptim libraries, so this one needs no OpenBLAS.
let package = Package(
    name: "expt",
    products: [
        .executable(name: "expt", targets: ["expt"]),
        .library(name: "ExptEngine", targets: ["ExptEngine"]),
        .library(name: "ExptOptim", targets: ["ExptOptim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ExptYAML", dependencies: ["CYAML"]),
        // The vocabulary of settings (tables, ranges, the kind protocol): a leaf every module reads.
        .target(name: "ExptConfig"),
        // The C kernels are optimised even in debug builds (the tests train with them), and
        // never contract a · b + c into one rounding unless the source says so: every
        // instruction-set version must give the same bits.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2", "-fno-math-errno", "-ffp-contract=off"])]),
        .target(name: "ExptEngine", dependencies: ["ExptConfig", "CKernels"]),
        .systemLibrary(name: "CVectorMath"),
        .target(name: "ExptOptim", dependencies: ["ExptConfig", "CVectorMath", "CKernels"]),
        .target(name: "ExptData", dependencies: ["ExptConfig", "ExptEngine", "CZlib"]),
        .target(name: "ExptManifest", dependencies: ["ExptYAML", "ExptConfig", "ExptEngine", "ExptOptim", "ExptData"]),
        // What a results folder is, and how it is read and written.
        .target(name: "ExptStore", dependencies: ["ExptManifest", "ExptData", "ExptConfig"]),
        .target(name: "ExptRunner", dependencies: ["ExptStore", "ExptManifest", "ExptEngine", "ExptOptim", "ExptData"]),
        .target(name: "ExptReport", dependencies: ["ExptStore", "ExptManifest", "ExptData"]),
        .executableTarget(name: "expt", dependencies: [
            "ExptData", "ExptManifest", "ExptStore", "ExptRunner", "ExptReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // What the test targets share: temporary folders, fixture files, closeness and
        // finite-difference checks (docs/testing.md).
        .target(name: "ExptTestSupport", path: "Tests/ExptTestSupport"),
        .testTarget(name: "ExptYAMLTests", dependencies: ["ExptYAML", "ExptTestSupport"]),
        .testTarget(name: "ExptManifestTests", dependencies: ["ExptManifest", "ExptTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExptEngineTests", dependencies: ["ExptEngine", "ExptTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExptOptimTests", dependencies: ["ExptOptim", "ExptConfig", "ExptTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExptDataTests", dependencies: ["ExptData", "ExptTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExptReportTests", dependencies: ["ExptReport", "ExptStore", "ExptTestSupport"]),
        .testTarget(name: "ExptRunnerTests", dependencies: ["ExptRunner", "ExptStore", "ExptManifest", "ExptTestSupport"]),
        .testTarget(name: "ExptEndToEndTests", dependencies: ["expt", "ExptRunner", "ExptStore", "ExptReport", "ExptManifest", "ExptTestSupport"]),
    ]
)

// The fuzzers exist only when EXPT_FUZZ is set (Fuzz/run.sh sets it): they have no `main`
// of their own — libFuzzer's comes with `-sanitize=fuzzer` — so they are built only with it.
if Context.environment["EXPT_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CFuzzerDriver", path: "Fuzz/Sources/CFuzzerDriver"),
        .executableTarget(name: "ExptFuzzManifest", dependencies: ["ExptManifest", "CFuzzerDriver"],
                          path: "Fuzz/Sources/ExptFuzzManifest"),
        .executableTarget(name: "ExptFuzzReaders", dependencies: ["ExptData", "ExptManifest", "ExptStore", "CFuzzerDriver"],
                          path: "Fuzz/Sources/ExptFuzzReaders"),
    ]
}
