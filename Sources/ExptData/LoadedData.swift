/// A dataset's examples as it provides them: all in `examples`, or, for a dataset that comes
/// with its own held-out test set (MNIST-1D, the IDX and CIFAR-10 test files), the training
/// part in `examples` and that set in `test`.
public struct LoadedData: Sendable, Equatable {
    public var examples: Dataset
    public var test: Dataset?

    public init(examples: Dataset, test: Dataset? = nil) {
        self.examples = examples
        self.test = test
    }
}
