import ExptConfig

extension Network {
    /// The network's weights as the equivalent torch model's `state_dict` holds them, in its
    /// order: per layer of the manifest's `model` list (index `i`), its parameter tensors
    /// (`i.weight`, `i.bias`, a recurrent layer's `i.weight_ih_l0`, …, in torch's shapes and
    /// layouts: a dense weight [out, in], transposed from expt's [in, out] storage) then its
    /// buffers (batch normalisation's `i.running_mean`, `i.running_var`; torch's
    /// `num_batches_tracked` is left out: expt's momentum is fixed, so the count is unused).
    public func namedArrays() -> [NamedArray] {
        var arrays: [NamedArray] = []
        let states = Dictionary(uniqueKeysWithValues: zip(layerPositions, layers).compactMap { position, layer in
            (layer as? StatefulLayer).map { (position, $0.stateTensors) }
        })
        var tensors = parameterLayout.tensors[...]
        for position in layerPositions {
            while let tensor = tensors.first, Self.position(of: tensor.name) == position {
                arrays.append(NamedArray(name: tensor.name, shape: tensor.shape, values: values(of: tensor)))
                tensors.removeFirst()
            }
            for state in states[position] ?? [] {
                arrays.append(NamedArray(name: "\(position).\(state.name)", shape: [state.buffer.count], values: Array(state.buffer.buffer)))
            }
        }
        return arrays
    }

    /// Overwrites the weights named in `arrays` (all of `namedArrays()`'s names or any subset;
    /// `num_batches_tracked` entries, which torch writes, are skipped). Nothing is written unless
    /// every array names a tensor of this network, once, in its torch shape.
    public func load(_ arrays: [NamedArray]) throws(WeightsMismatch) {
        var targets: [String: (shape: [Int], write: ([Float]) -> Void)] = [:]
        for tensor in parameterLayout.tensors {
            targets[tensor.name] = (tensor.shape, { [parameters] values in Self.write(values, into: parameters, tensor: tensor) })
        }
        for (position, layer) in zip(layerPositions, layers) {
            for state in (layer as? StatefulLayer)?.stateTensors ?? [] {
                targets["\(position).\(state.name)"] = ([state.buffer.count], { values in _ = state.buffer.mutableBuffer.update(fromContentsOf: values) })
            }
        }
        var seen: Set<String> = []
        let loaded = arrays.filter { !$0.name.hasSuffix(".num_batches_tracked") }
        for array in loaded {
            guard let target = targets[array.name] else {
                throw .unknown(name: array.name)
            }
            guard seen.insert(array.name).inserted else { throw .duplicate(name: array.name) }
            guard target.shape == array.shape, array.values.count == target.shape.reduce(1, *) else {
                throw .shape(name: array.name, expected: target.shape, found: array.shape)
            }
        }
        for array in loaded { targets[array.name]!.write(array.values) }
    }

    /// The layer index a tensor's name starts with (`3` of `3.weight`).
    private static func position(of name: String) -> Int? {
        name.split(separator: ".", maxSplits: 1).first.flatMap { Int($0) }
    }

    /// A tensor's values in torch's row-major layout.
    private func values(of tensor: ParameterTensor) -> [Float] {
        let stored = parameters.buffer[tensor.range]
        guard tensor.storedTransposed else { return Array(stored) }
        let rows = tensor.shape[0], columns = tensor.shape[1]
        var values = [Float](repeating: 0, count: tensor.count)
        for row in 0..<rows {
            for column in 0..<columns { values[row * columns + column] = stored[tensor.range.lowerBound + column * rows + row] }
        }
        return values
    }

    /// Writes torch-layout `values` into the tensor's slice of `parameters`, transposing where expt stores the matrix transposed.
    private static func write(_ values: [Float], into parameters: FloatBuffer, tensor: ParameterTensor) {
        let start = parameters.pointer + tensor.range.lowerBound
        guard tensor.storedTransposed else {
            for index in values.indices { start[index] = values[index] }
            return
        }
        let rows = tensor.shape[0], columns = tensor.shape[1]
        for row in 0..<rows {
            for column in 0..<columns { start[column * rows + row] = values[row * columns + column] }
        }
    }
}
