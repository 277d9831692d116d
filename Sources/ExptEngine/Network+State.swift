/// Everything a network changes as it trains, copied out of it: the parameters, every batch
/// normalisation's running statistics and every dropout's mask generator. Put back with
/// ``Network/restore(_:)``, the network computes from there exactly as the copied one would.
public struct NetworkState: Sendable, Equatable, Codable {
    /// `Network.parameters`, in its layout.
    public var parameters: [Float]
    /// Each batch normalisation's running mean then running variance, in layer order.
    public var runningStatistics: [Float]
    /// Each dropout layer's generator state (four words each), in layer order.
    public var dropoutGenerators: [UInt64]

    public init(parameters: [Float], runningStatistics: [Float], dropoutGenerators: [UInt64]) {
        self.parameters = parameters
        self.runningStatistics = runningStatistics
        self.dropoutGenerators = dropoutGenerators
    }
}

extension Network {
    /// A copy of the network's trained state.
    public func captureState() -> NetworkState {
        var statistics: [Float] = []
        var generators: [UInt64] = []
        for layer in layers {
            if let norm = layer as? BatchNormLayer {
                statistics += norm.runningMean.array + norm.runningVariance.array
            } else if let dropout = layer as? DropoutLayer {
                generators += dropout.generator.words
            }
        }
        return NetworkState(parameters: parameters.array, runningStatistics: statistics, dropoutGenerators: generators)
    }

    /// Whether `state` has the sizes of this network's state (a state of another model does not).
    public func fits(_ state: NetworkState) -> Bool {
        let shape = captureState()
        return shape.parameters.count == state.parameters.count && shape.runningStatistics.count == state.runningStatistics.count
            && shape.dropoutGenerators.count == state.dropoutGenerators.count
    }

    /// Puts `state` (captured from a network of the same model, see ``fits(_:)``) back.
    public func restore(_ state: NetworkState) {
        precondition(fits(state), "the state belongs to another model")
        for (index, value) in state.parameters.enumerated() { parameters.pointer[index] = value }
        var statistics = state.runningStatistics[...]
        var generators = state.dropoutGenerators[...]
        for layer in layers {
            if let norm = layer as? BatchNormLayer {
                for buffer in [norm.runningMean, norm.runningVariance] {
                    for i in 0..<buffer.count { buffer.pointer[i] = statistics.removeFirst() }
                }
            } else if let dropout = layer as? DropoutLayer {
                dropout.generator = SeededGenerator(words: Array(generators.prefix(4)))
                generators.removeFirst(4)
            }
        }
    }
}
