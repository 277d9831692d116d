import ExptData
import ExptEngine

/// The check, once before training, that a model starting with an `embedding` reads token ids
/// it has rows for: every feature of the examples and of the test set an integer in `0..<vocabulary`. A run whose
/// data holds another value fails with the first one named, instead of reading outside the table.
enum TokenCheck {
    /// The first id outside the first layer's vocabulary, in words; nil when all fit or the
    /// model does not start with an embedding.
    static func problem(_ splits: DataSplits, model: [LayerSpec]) -> String? {
        guard let embedding = model.first?.settings as? EmbeddingSpec else { return nil }
        let vocabulary = embedding.vocabulary
        for (name, view) in [("", splits.train), ("test ", splits.test)] {
            guard let storage = view?.storage, storage.featureCount > 0 else { continue }
            let features = storage.features
            guard let index = features.firstIndex(where: { !($0 >= 0 && $0 < Float(vocabulary) && $0.rounded() == $0) }) else {
                continue
            }
            let (example, position) = index.quotientAndRemainder(dividingBy: storage.featureCount)
            return "token id \(features[index]) at position \(position) of \(name)example \(example) is not an integer in 0..<\(vocabulary), the embedding's vocabulary"
        }
        return nil
    }
}
