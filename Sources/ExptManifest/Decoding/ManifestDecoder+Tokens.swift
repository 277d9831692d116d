import ExptData
import ExptEngine

/// Token data (features that are token ids, targets a class per position) against the model
/// and the loss.
extension ManifestDecoder {
    /// A model that starts with an `embedding` needs a row for every token id of a dataset
    /// that tells its vocabulary (``DatasetKind/vocabularySize``); reported at the embedding.
    func checkVocabulary(model: DecodedModel, data: DecodedData) {
        guard let embedding = model.layers.first?.settings as? EmbeddingSpec, let tree = model.kindTrees.first,
              let tokens = data.config.dataset.kind.vocabularySize, embedding.vocabulary < tokens else { return }
        let note = variantNote(at: tree, involving: [data.datasetTree])
        error(tree, "expected a vocabulary of at least \(tokens), the token ids of dataset \(data.config.dataset.name), found \(embedding.vocabulary)\(note)")
    }

    /// A class per position trains with cross-entropy only (squared error takes one class per
    /// example): reported at the `loss` value.
    func checkPositionClasses(_ loss: LossKind, lossTree: Tree?, data: DecodedData) {
        guard loss != .crossEntropy, data.classes != nil, data.targets > 1, let lossTree else { return }
        let note = variantNote(at: lossTree, involving: [data.datasetTree])
        error(lossTree, "expected cross_entropy for dataset \(data.config.dataset.name), which has a class per position, found \(loss.rawValue)\(note)")
    }
}
