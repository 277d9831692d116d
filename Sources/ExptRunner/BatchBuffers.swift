import ExptData
import ExptEngine

/// The input and target memory of one batch, allocated once per run and refilled for every
/// training step and every pass of an evaluation, so that neither allocates.
struct BatchBuffers {
    let features: FloatBuffer
    let targets: FloatBuffer
    /// The class indices of one-hot batches; nil otherwise (the targets are the indices, or
    /// there are none).
    private let oneHotLabels: FloatBuffer?
    private let form: TargetForm

    init(rows: Int, featureCount: Int, form: TargetForm) {
        features = FloatBuffer(count: rows * featureCount)
        targets = FloatBuffer(count: rows * form.width)
        oneHotLabels = if case .oneHot = form { FloatBuffer(count: rows) } else { nil }
        self.form = form
    }

    /// Copies the examples at `rows` of `dataset` (storage rows, in that order) into the
    /// buffers, with their targets in the run's form.
    func fill(from dataset: Dataset, rows: ArraySlice<Int>) {
        if let oneHotLabels {
            dataset.gatherOneHot(rows: rows, features: features.pointer, targets: targets.pointer, labels: oneHotLabels.pointer)
        } else {
            dataset.gather(rows: rows, features: features.pointer, targets: targets.pointer)
        }
    }

    /// The class indices of the batch, for accuracy; nil for regression.
    var labels: UnsafeBufferPointer<Float>? {
        switch form {
        case .classIndices, .positionClassIndices: targets.buffer
        case .oneHot: oneHotLabels?.buffer
        case .values: nil
        }
    }
}
