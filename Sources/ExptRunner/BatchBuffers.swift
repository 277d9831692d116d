import ExptData
import ExptEngine

/// The input and target memory of one training batch, allocated once per run and refilled
/// for every step, so that a step allocates nothing.
struct BatchBuffers {
    let features: FloatBuffer
    let targets: FloatBuffer

    init(rows: Int, dataset: Dataset) {
        features = FloatBuffer(count: rows * dataset.featureCount)
        targets = FloatBuffer(count: rows * dataset.targetCount)
    }
}
