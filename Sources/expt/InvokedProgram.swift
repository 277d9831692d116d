/// How expt was started, as the report's `Reproduce:` line writes it: argv[0] as the shell
/// passed it (`expt` from the PATH, `./expt`, `/opt/expt/bin/expt`), except for a binary in a
/// SwiftPM build folder (`.build`, `.build-*` or `.build_*`, as in
/// `<package>/.build/<triple>/release/expt`, the absolute path by which
/// `swift run` starts it), written as the `swift run` command that builds and starts it:
/// `swift run -c release expt`, or `swift run expt` for a debug build.
enum InvokedProgram {
    static func command(argv0: String) -> String {
        let components = argv0.split(separator: "/")
        guard let build = components.dropLast().firstIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }) else {
            return shellQuoted(argv0)
        }
        return components[build...].contains("debug") ? "swift run expt" : "swift run -c release expt"
    }

    /// The command that started this process.
    static var current: String {
        command(argv0: CommandLine.arguments.first ?? "expt")
    }
}
