import ExptConfig
import ExptOptim
import Testing

/// The rules between settings that the new transformations state, word for word.
struct TransformationConflictTests {
    @Test func scaleByRpropStatesTorchsRules() {
        #expect(ScaleByRprop().conflict() == nil)
        #expect(ScaleByRprop(etaplus: 1).conflict()?.message == "etaplus must be greater than 1")
        #expect(ScaleByRprop(etaplus: 1).conflict()?.key == "etaplus")
        let empty = ScaleByRprop(stepSizeMin: 2, stepSizeMax: 1).conflict()
        #expect(empty?.message == "step_size_min must not exceed step_size_max")
        #expect(empty?.key == "step_size_min" && empty?.involving == ["step_size_max"])
    }

    @Test func aChainIsItsOwnChain() {
        let chain = ChainSettings([ScaleBySign(), Scale(factor: 0.5), ScaleByLearningRate()], lr: 0.1)
        #expect(chain.chain?.chainText == "[scale_by_sign, scale: {factor: 0.5}, scale_by_learning_rate]")
    }
}
