import ExptData
import ExptConfig
import ExptEngine
import ExptStore

/// A checkpoint as its two files hold it (see ``CheckpointStore``): the network's parameters and
/// running statistics (`network.parameters`, `network.running_statistics`), those of the best
/// epoch (`best.…`) and every optimizer array that float32 holds exactly (`optimizer.<name>`) as
/// the arrays of the .npz; everything else, the optimizers' double-precision arrays (L-BFGS's
/// curvatures) and empty arrays included, as JSON.
extension Checkpoint {
    /// The checkpoint split into the .npz's arrays and the JSON's rest.
    func split() -> (arrays: [NamedArray], rest: Checkpoint) {
        var rest = self
        var arrays: [NamedArray] = []
        func move(_ values: inout [Float], as name: String) {
            guard !values.isEmpty else { return }
            arrays.append(NamedArray(name: name, shape: [values.count], values: values))
            values = []
        }
        move(&rest.network.parameters, as: "network.parameters")
        move(&rest.network.runningStatistics, as: "network.running_statistics")
        if rest.state.best != nil {
            move(&rest.state.best!.parameters, as: "best.parameters")
            move(&rest.state.best!.runningStatistics, as: "best.running_statistics")
        }
        for (name, values) in optimizers.arrays.sorted(by: { $0.key < $1.key })
        where !values.isEmpty && values.allSatisfy({ Double(Float($0)).bitPattern == $0.bitPattern }) {
            arrays.append(NamedArray(name: "optimizer.\(name)", shape: [values.count], values: values.map { Float($0) }))
            rest.optimizers.arrays[name] = nil
        }
        return (arrays, rest)
    }

    /// The checkpoint whose arrays (from the .npz) ``split()`` took out of `rest` (from the JSON).
    init(arrays: [NamedArray], rest: Checkpoint) {
        self = rest
        for array in arrays {
            switch array.name {
            case "network.parameters": network.parameters = array.values
            case "network.running_statistics": network.runningStatistics = array.values
            case "best.parameters": state.best?.parameters = array.values
            case "best.running_statistics": state.best?.runningStatistics = array.values
            default:
                guard array.name.hasPrefix("optimizer.") else { continue }
                optimizers.arrays[String(array.name.dropFirst("optimizer.".count))] = array.values.map { Double($0) }
            }
        }
    }
}
