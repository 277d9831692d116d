import Testing
@testable import ExptEngine

/// Every instruction set's elementwise kernels give the baseline's bits: exp, tanh and the
/// logistic function over the edges and the dense sweep of `BitSweep`, and each recurrent cell
/// kernel and the row bias over seeded values with ±0, ±infinity and NaN mixed in, on rows of
/// 37 units (a partial vector of 5 at the end) and 64 (four whole vectors), at the first step
/// (no previous state) and a later one. Sets this CPU lacks are left out (on this project's
/// machines, which have AVX-512, none is).
struct ElementwiseInstructionSetTests {
    static let wider = InstructionSet.supported.filter { $0 != .baseline }

    static func bits(_ function: VectorFunction, _ instructionSet: InstructionSet) -> [UInt32] {
        var values = BitSweep.edges + BitSweep.dense
        values.withUnsafeMutableBufferPointer {
            function.apply($0.baseAddress!, count: $0.count, instructionSet: instructionSet)
        }
        return values.map(\.bitPattern)
    }

    @Test(arguments: VectorFunction.allCases, wider)
    func functionMatchesTheBaseline(_ function: VectorFunction, _ instructionSet: InstructionSet) {
        let baseline = Self.bits(function, .baseline)
        let mine = Self.bits(function, instructionSet)
        let inputs = BitSweep.edges + BitSweep.dense
        let differing = inputs.indices.filter { baseline[$0] != mine[$0] }
        #expect(differing.isEmpty, "\(differing.count) differ, first at \(differing.first.map { inputs[$0] } ?? 0)")
    }

    /// `count` seeded values in [−6, 6), with 0, −0, ±infinity and NaN at fixed places.
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var values = uniformValues(count, seed: seed, in: -6, 6)
        for (offset, special) in [Float(0), -0, .infinity, -.infinity, .nan].enumerated() where offset * 7 < count {
            values[offset * 7] = special
        }
        return values
    }

    /// The outputs of one cell kernel: every buffer it writes, concatenated, as bit patterns.
    typealias CellKernel = @Sendable (_ units: Int, _ first: Bool, _ instructionSet: InstructionSet) -> [UInt32]

    static let batch = 3

    static let cellKernels: [(String, CellKernel)] = [
        ("GRU forward", { units, first, isa in
            var gates = values(batch * 3 * units, seed: 80)
            let projected = values(batch * 3 * units, seed: 81), previous = values(batch * units, seed: 82)
            var candidates = [Float](repeating: 1, count: batch * units), hidden = candidates
            GRUCell.forwardKernel(batchSize: batch, units: units, gates: &gates, projected: projected,
                                  previous: first ? nil : previous, candidates: &candidates,
                                  hidden: &hidden, instructionSet: isa)
            return (gates + candidates + hidden).map(\.bitPattern)
        }),
        ("GRU backward", { units, first, isa in
            let gates = values(batch * 3 * units, seed: 83), gradients = values(batch * units, seed: 84)
            let candidates = values(batch * units, seed: 85), previous = values(batch * units, seed: 86)
            var inputSide = [Float](repeating: 1, count: batch * 3 * units), hiddenSide = inputSide
            GRUCell.backwardKernel(batchSize: batch, units: units, gates: gates, gradients: gradients,
                                   candidates: candidates, previous: first ? nil : previous,
                                   inputSide: &inputSide, hiddenSide: &hiddenSide, instructionSet: isa)
            return (inputSide + hiddenSide).map(\.bitPattern)
        }),
        ("GRU carry", { units, _, isa in
            let gates = values(batch * 3 * units, seed: 94), gradients = values(batch * units, seed: 95)
            var carried = values(batch * units, seed: 96)
            GRUCell.carryKernel(batchSize: batch, units: units, gates: gates, gradients: gradients,
                                carried: &carried, instructionSet: isa)
            return carried.map(\.bitPattern)
        }),
        ("row bias", { columns, _, isa in
            var block = values(batch * columns, seed: 97)
            addRowBias(&block, rows: batch, columns: columns, bias: values(columns, seed: 98), instructionSet: isa)
            return block.map(\.bitPattern)
        }),
        ("LSTM forward", { units, first, isa in
            var gates = values(batch * 4 * units, seed: 87)
            let previousCells = values(batch * units, seed: 88)
            var cells = [Float](repeating: 1, count: batch * units), hidden = cells
            LSTMCell.forwardKernel(batchSize: batch, units: units, gates: &gates,
                                   previousCells: first ? nil : previousCells, cells: &cells,
                                   hidden: &hidden, instructionSet: isa)
            return (gates + cells + hidden).map(\.bitPattern)
        }),
        ("LSTM backward", { units, first, isa in
            let gates = values(batch * 4 * units, seed: 89), cells = values(batch * units, seed: 90)
            let previousCells = values(batch * units, seed: 91), gradients = values(batch * units, seed: 92)
            var cellGradients = values(batch * units, seed: 93)
            var gateGradients = [Float](repeating: 1, count: batch * 4 * units)
            LSTMCell.backwardKernel(batchSize: batch, units: units, gates: gates, cells: cells,
                                    previousCells: first ? nil : previousCells, gradients: gradients,
                                    cellGradients: &cellGradients, gateGradients: &gateGradients,
                                    instructionSet: isa)
            return (cellGradients + gateGradients).map(\.bitPattern)
        }),
    ]

    @Test(arguments: 0..<cellKernels.count, wider)
    func cellKernelMatchesTheBaseline(_ index: Int, _ instructionSet: InstructionSet) {
        let (name, kernel) = Self.cellKernels[index]
        for units in [37, 64] {
            for first in [true, false] {
                let baseline = kernel(units, first, .baseline)
                #expect(Set(baseline).count > baseline.count / 2, "\(name): the outputs vary")
                #expect(kernel(units, first, instructionSet) == baseline, "\(name), \(units) units, first step: \(first)")
            }
        }
    }
}
