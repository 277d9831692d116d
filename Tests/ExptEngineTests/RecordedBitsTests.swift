import Testing
@testable import ExptEngine

/// Bits recorded from the Swift implementation of exp, tanh, the logistic function and the
/// recurrent cells (`SIMD16<Float>` code, run on the x86-64 baseline before it moved to C):
/// the edge values' exact outputs, and checksums of the dense sweep's outputs and of a
/// recurrent layer's forward and backward pass. Any change to a single bit fails here.
struct RecordedBitsTests {
    struct Recorded: Sendable, CustomTestStringConvertible {
        let function: VectorFunction
        /// The outputs' bit patterns for `BitSweep.edges`, in order.
        let edges: [UInt32]
        /// `BitSweep.checksum` of the outputs for `BitSweep.dense`.
        let denseChecksum: UInt64
        var testDescription: String { "\(function)" }
    }

    static let recorded = [
        Recorded(function: .exp, edges: [
                0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000, 0x3F800000,
                0x3F8020C9, 0x3F7FBE7F, 0x3FD3094C, 0x3F1B4598, 0x3FEF22AF, 0x3F0906E5, 0x3FEF22AE, 0x3F0906E5,
                0x3FEF22B0, 0x402DF854, 0x3EBC5AB2, 0x41A0AF2E, 0x3D4BED86, 0x45FD38AC, 0x39016791, 0x4DE75844,
                0x310DA433, 0x7E76D06E, 0x0084C38B, 0x7F27BA46, 0x0084C38B, 0x7F27BA46, 0x0084C38B, 0x7F27BA46,
                0x0084C38B, 0x7F27BA46, 0x0084C38B, 0x7F27BA46, 0x0084C38B, 0x7FC00000, 0xFFC00000, 0x7FE00000,
                0x7FC01234,
            ], denseChecksum: 9_611_021_122_425_410_369),
        Recorded(function: .tanh, edges: [
                0x00000000, 0x00000000, 0x00000001, 0x80000001, 0x00800000, 0x80800000, 0x0DA24260, 0x8DA24260,
                0x3A83126C, 0xBA83126C, 0x3EEC9A9F, 0xBEEC9A9F, 0x3F0DFA40, 0xBF0DFA40, 0x3F0DFA3F, 0xBF0DFA3F,
                0x3F0DFA40, 0x3F42F7D6, 0xBF42F7D6, 0x3F7EBBE9, 0xBF7EBBE9, 0x3F7FFFFF, 0xBF7FFFFF, 0x3F800000,
                0xBF800000, 0x3F800000, 0xBF800000, 0x3F800000, 0xBF800000, 0x3F800000, 0xBF800000, 0x3F800000,
                0xBF800000, 0x3F800000, 0xBF800000, 0x3F800000, 0xBF800000, 0x7FC00000, 0xFFC00000, 0x7FE00000,
                0x7FC01234,
            ], denseChecksum: 17_239_350_734_455_984_688),
        Recorded(function: .sigmoid, edges: [
                0x3F000000, 0x3F000000, 0x3F000000, 0x3F000000, 0x3F000000, 0x3F000000, 0x3F000000, 0x3F000000,
                0x3F001062, 0x3EFFDF3C, 0x3F1F597F, 0x3EC14D03, 0x3F26BF32, 0x3EB2819D, 0x3F26BF32, 0x3EB2819E,
                0x3F26BF32, 0x3F3B26A8, 0x3E89B2B1, 0x3F73DBE6, 0x3D4241A2, 0x3F7FF7EA, 0x3901637B, 0x3F800000,
                0x310DA433, 0x3F800000, 0x0084C38C, 0x3F800000, 0x0030D752, 0x3F800000, 0x00782140, 0x3F800000,
                0x0030D752, 0x3F800000, 0x0030D752, 0x3F800000, 0x0030D752, 0x7FC00000, 0xFFC00000, 0x7FE00000,
                0x7FC01234,
            ], denseChecksum: 11_467_177_321_011_726_366),
    ]

    static func apply(_ function: VectorFunction, to inputs: [Float], instructionSet: InstructionSet) -> [Float] {
        var values = inputs
        values.withUnsafeMutableBufferPointer {
            function.apply($0.baseAddress!, count: $0.count, instructionSet: instructionSet)
        }
        return values
    }

    @Test(arguments: recorded, InstructionSet.supported)
    func functionGivesTheRecordedBits(_ r: Recorded, _ instructionSet: InstructionSet) {
        #expect(BitSweep.edges.count == r.edges.count)
        let outputs = Self.apply(r.function, to: BitSweep.edges, instructionSet: instructionSet)
        for (i, (input, output)) in zip(BitSweep.edges, outputs).enumerated() {
            #expect(output.bitPattern == r.edges[i], "\(r.function)(\(input)) = \(output)")
        }
        let dense = Self.apply(r.function, to: BitSweep.dense, instructionSet: instructionSet)
        #expect(BitSweep.checksum(dense) == r.denseChecksum)
    }

    struct RecordedLayer: Sendable, CustomTestStringConvertible {
        let cell: RecurrentSpec.Cell
        let units: Int
        let output: RecurrentSpec.Output
        let checksum: UInt64
        var testDescription: String { "\(cell) \(units) units, \(output)" }
    }

    /// 37 units leave a partial vector of 5 in every row; 64 units fill four.
    static let recordedLayers = [
        RecordedLayer(cell: .rnn, units: 37, output: .sequence, checksum: 3_979_172_771_491_046_302),
        RecordedLayer(cell: .rnn, units: 64, output: .last, checksum: 5_520_641_373_168_531_057),
        RecordedLayer(cell: .gru, units: 37, output: .sequence, checksum: 3_472_295_788_322_171_319),
        RecordedLayer(cell: .gru, units: 64, output: .last, checksum: 3_268_454_506_390_577_313),
        RecordedLayer(cell: .lstm, units: 37, output: .sequence, checksum: 17_580_208_540_364_637_755),
        RecordedLayer(cell: .lstm, units: 64, output: .last, checksum: 1_067_319_618_574_234_010),
    ]

    /// Forward and backward through a recurrent layer with seeded parameters, inputs and output
    /// gradients (5 steps of 3 features, batch 4): the checksum of its outputs, its parameter
    /// gradients and its input gradients.
    @Test(arguments: recordedLayers)
    func recurrentLayerGivesTheRecordedBits(_ r: RecordedLayer) throws {
        let (steps, features, batch) = (5, 3, 4)
        let spec = LayerSpec.recurrent(RecurrentSpec(cell: r.cell, units: r.units, output: r.output))
        let shape = try ModelShape.infer(inputShape: [steps, features], layers: [spec])[0]
        let parameters = FloatBuffer(uniformValues(shape.parameterCount, seed: 70, in: -0.6, 0.6))
        let gradients = FloatBuffer(count: shape.parameterCount)
        let layer = try #require(Network.makeLayer(spec, shape: shape, parameters: parameters, gradients: gradients,
                                                   offset: 0, maxBatchSize: batch))
        let input = FloatBuffer(uniformValues(batch * layer.inputSize, seed: 71, in: -3, 3))
        layer.forward(input: input.pointer, batchSize: batch, training: true)
        let outputs = Array(layer.output.array.prefix(batch * layer.outputSize))
        for (i, value) in uniformValues(outputs.count, seed: 72).enumerated() { layer.outputGradient[i] = value }
        let inputGradient = FloatBuffer(count: input.count)
        layer.backward(input: input.pointer, inputGradient: inputGradient.pointer, batchSize: batch)
        #expect(Set(outputs).count == outputs.count)  // not vacuous: every output differs
        #expect(BitSweep.checksum(outputs + gradients.array + inputGradient.array) == r.checksum)
    }
}
