// swift-tools-version:6.0
import PackageDescription

// expt-bench: expt's kernels, optimizer steps and reference models timed, with OpenBLAS's
// matrix multiply beside expt's as a reference. A package of its own over the root package's
// ExptEngine and ExptOptim libraries, so that only the benchmarks need libopenblas-dev.
// Build it from the repository's root with `swift build -c release --package-path benchmarks`.
let package = Package(
    name: "expt-benchmarks",
    products: [
        .executable(name: "expt-bench", targets: ["expt-bench"]),
    ],
    dependencies: [
        .package(name: "expt", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .executableTarget(name: "expt-bench", dependencies: [
            .product(name: "ExptEngine", package: "expt"),
            .product(name: "ExptOptim", package: "expt"),
            "CBLAS",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)
