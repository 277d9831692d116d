import ArgumentParser
import ExptManifest
import Foundation
import Testing

@testable import expt

/// `expt list`: the names a manifest accepts, as text for a terminal and as JSON for tools.
struct ListTests {
    @Test func optimizersStartWithTheSGDBlock() throws {
        let text = Expt.List.text([ManifestSchema.optimizers])
        let sgd = """
            optimizers: optimizer: {name: NAME, KEY: VALUE, …}, or optimizer: NAME for every default

            sgd  Stochastic gradient descent, with optional (Nesterov) momentum (torch.optim.SGD).
              = chain [scale_by_learning_rate] at these defaults
              lr            number > 0        0.001  Learning rate.
              momentum      number ≥ 0        0      Momentum factor.
              dampening     number in [0, 1]  0      Dampening of the momentum.
              nesterov      true | false      false  Nesterov momentum; needs momentum > 0 and dampening = 0.
              weight_decay  number ≥ 0        0      L2 penalty added to the gradient.

            adam  Adam, with bias-corrected first and second moments (torch.optim.Adam).

            """
        #expect(text.hasPrefix(sgd), "\(text)")
    }

    @Test func aNameWithoutSettingsSaysSo() {
        #expect(Expt.List.text([ManifestSchema.schedules]).contains("\nconstant  The optimizer's lr throughout.\n  (no settings)\n\n"))
    }

    @Test(arguments: [
        (["list"], ["optimizers", "transformations", "schedules", "datasets", "layers"]),
        (["list", "layers", "--json"], ["layers"]),
        (["list", "datasets"], ["datasets"]),
    ])
    func theArgumentChoosesTheSection(_ arguments: [String], _ sections: [String]) throws {
        let command = try #require(try Expt.parseAsRoot(arguments) as? Expt.List)
        #expect(command.sections.map(\.name) == sections)
    }

    @Test func anUnknownSectionIsAUsageError() throws {
        let error = try #require(throws: (any Error).self) { try Expt.parseAsRoot(["list", "optimisers"]) }
        #expect(Expt.exitCode(for: error) == ExitCode(64))
        #expect(Expt.message(for: error) == "The value 'optimisers' is invalid for '<section>'. "
                + "Please provide one of 'optimizers', 'transformations', 'schedules', 'datasets' or 'layers'.")
    }

    /// The JSON parses back into the listed sections, key for key.
    @Test func jsonParses() throws {
        struct Setting: Decodable, Equatable { var key, type, `default`, meaning: String }
        struct Name: Decodable { var name, summary: String; var settings: [Setting] }
        struct Section: Decodable { var name, usage: String; var names, shared: [Name] }
        let json = try Expt.List.json(ManifestSchema.sections)
        let sections = try JSONDecoder().decode([Section].self, from: Data(json.utf8))
        #expect(sections.map(\.name) == ["optimizers", "transformations", "schedules", "datasets", "layers"])
        #expect(sections.map(\.names.count) == [22, 23, 10, 22, 18])
        let eps = try #require(sections[0].names.first { $0.name == "adam" }?.settings.first { $0.key == "eps" })
        #expect(eps == Setting(key: "eps", type: "number > 0", default: "1e-8", meaning: "Added to the denominator."))
        #expect(sections[2].shared.map(\.name) == ["(every schedule)", "(warmup)"])
    }
}
