import Testing
@testable import ExptManifest

/// Decodes `text` as `x.yaml` and returns the error's full description, or records an issue
/// when it decodes.
func errorText(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    do {
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        Issue.record("decoded without error: \(experiment.name)", sourceLocation: sourceLocation)
        return nil
    } catch let error as ManifestError {
        return error.description
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// `text` with its single occurrence of `old` replaced by `new`.
func edit(_ text: String, _ old: String, _ new: String) -> String {
    let parts = text.split(separator: old, omittingEmptySubsequences: false)
    precondition(parts.count == 2, "\(old) must appear exactly once")
    return parts.joined(separator: new)
}

/// A valid manifest to vary: each error case replaces one piece of it.
let baseManifest = """
    name: demo
    data:
      dataset: spirals
      classes: 3
    model:
      - dense: 16
        activation: relu
      - dense: 3
    train:
      epochs: 10
    optimizer: {name: sgd, lr: 0.1}
    variants:
      sgd: {}
      adam:
        optimizer: {name: adam, lr: 0.01}
    """
