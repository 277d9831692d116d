internal import CKernels

/// Elementwise loops over contiguous Float memory, sixteen lanes at a time (`SIMD16<Float>`,
/// which the compiler lowers to the widest vectors the target allows) with a scalar tail.
///
/// Each loop computes every element exactly as its scalar form would (no reassociation), so
/// switching between them never changes a bit of a result.
enum VectorLoops {
    typealias Vector = SIMD16<Float>
    static let width = Vector.scalarCount

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ vector: Vector, to pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
    }

    /// `values[i] = max(values[i], 0)` as Swift's `max` (0 for −0, NaN kept).
    static func relu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + width <= count {
            let v = load(values + i)
            store(v.replacing(with: 0, where: v .<= 0), to: values + i)
            i += width
        }
        while i < count {
            values[i] = max(values[i], 0)
            i += 1
        }
    }

    /// `gradient[i] = 0` wherever `output[i] <= 0` (relu's derivative from its output).
    static func reluMask(_ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        var i = 0
        while i + width <= count {
            let g = load(gradient + i)
            store(g.replacing(with: 0, where: load(output + i) .<= 0), to: gradient + i)
            i += width
        }
        while i < count {
            if output[i] <= 0 { gradient[i] = 0 }
            i += 1
        }
    }

    /// `target[i] = keep[i] == 0 ? 0 : source[i]` for `count` values: a copy that drops the
    /// entries a 0/1 mask marks (a C kernel with the vectors of `instructionSet`).
    static func copy(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, keeping keep: UnsafePointer<Float>, count: Int,
                     instructionSet: InstructionSet) {
        expt_masked_copy(instructionSet.cValue, source, target, keep, count)
    }

    /// `target[i] += keep[i] == 0 ? 0 : source[i]` for `count` values (a C kernel).
    static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, keeping keep: UnsafePointer<Float>, count: Int,
                    instructionSet: InstructionSet) {
        expt_masked_add(instructionSet.cValue, source, target, keep, count)
    }

    /// `target[i] = source[i] + bias` for `count` values.
    @inline(__always)
    static func addScalar(_ source: UnsafePointer<Float>, _ bias: Float, into target: UnsafeMutablePointer<Float>, count: Int) {
        let b = Vector(repeating: bias)
        var i = 0
        while i + width <= count {
            store(load(source + i) + b, to: target + i)
            i += width
        }
        while i < count {
            target[i] = source[i] + bias
            i += 1
        }
    }

    /// `target[i] += source[i]` for `count` values.
    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + width <= count {
            store(load(target + i) + load(source + i), to: target + i)
            i += width
        }
        while i < count {
            target[i] += source[i]
            i += 1
        }
    }
}

/// Adds `bias[column]` to every row of the `rows` x `columns` block `values` (in expt's C
/// kernels, with the vectors of `instructionSet`: the run's).
func addRowBias(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>,
                instructionSet: InstructionSet) {
    expt_add_row_bias(instructionSet.cValue, rows, columns, values, bias)
}

/// Writes the column sums of the `rows` x `columns` block `values` to `sums` (overwriting),
/// each column summed from the first row to the last.
func columnSums(_ values: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
    sums.update(repeating: 0, count: columns)
    for row in 0..<rows {
        VectorLoops.add(values + row * columns, into: sums, count: columns)
    }
}

extension VectorLoops {
    /// The sum of `count` values, accumulated in sixteen lanes then added up (a fixed order,
    /// so the same values always give the same bits).
    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = Vector()
        var i = 0
        while i + width <= count {
            lanes += load(values + i)
            i += width
        }
        var total = lanes.sum()
        while i < count {
            total += values[i]
            i += 1
        }
        return total
    }
}

extension VectorLoops {
    /// The first `lanes` values at `pointer` (at most sixteen), the other lanes zero.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>, lanes: Int) -> Vector {
        if lanes == width { return load(pointer) }
        var vector = Vector()
        for lane in 0..<lanes { vector[lane] = pointer[lane] }
        return vector
    }

    /// Stores the first `lanes` lanes of `vector` at `pointer`.
    @inline(__always)
    static func store(_ vector: Vector, to pointer: UnsafeMutablePointer<Float>, lanes: Int) {
        if lanes == width { return store(vector, to: pointer) }
        for lane in 0..<lanes { pointer[lane] = vector[lane] }
    }
}
