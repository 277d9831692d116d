import Testing

@testable import expt

/// The program of the report's `Reproduce:` line, from argv[0].
@Suite struct InvokedProgramTests {
    @Test(arguments: [
        ("expt", "expt"),
        ("./expt", "./expt"),
        ("/usr/local/bin/expt", "/usr/local/bin/expt"),
        ("/home/a b/bin/expt", "'/home/a b/bin/expt'"),
        ("/src/expt/.build/x86_64-unknown-linux-gnu/release/expt", "swift run -c release expt"),
        ("/src/expt/.build-release/release/expt", "swift run -c release expt"),
        (".build/debug/expt", "swift run expt"),
        ("/opt/.builders/bin/expt", "/opt/.builders/bin/expt"),
    ])
    func theProgramIsWrittenAsInvoked(argv0: String, expected: String) {
        #expect(InvokedProgram.command(argv0: argv0) == expected)
    }

    @Test func theRunCommandStartsWithTheProgram() throws {
        let run = try Expt.Run.parse(["experiments/x.yaml", "--out", "out"])
        #expect(run.reproducingCommand(program: "expt") == "expt run experiments/x.yaml --out out")
    }
}
