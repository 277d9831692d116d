/// A fixed-size block of Float32 memory, allocated once and freed with its owner.
///
/// Layers, optimizers and the executor hold their activations, parameters, gradients and
/// moments in these, so that a training step reads and writes memory that already exists
/// instead of building new arrays (which would also trip Swift's exclusivity checks when one
/// layer reads one array while writing the next).
public final class FloatBuffer: @unchecked Sendable {
    /// The start of the memory; valid for `count` elements while this buffer lives.
    public let pointer: UnsafeMutablePointer<Float>
    /// The number of elements.
    public let count: Int

    /// Allocates `count` elements, every one set to `value`.
    public init(count: Int, value: Float = 0) {
        precondition(count >= 0, "a buffer cannot have a negative size")
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
    }

    /// Allocates a buffer holding a copy of `values`.
    public convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: values.count) }
        }
    }

    deinit {
        pointer.deallocate()
    }

    /// The whole buffer, for reading and writing.
    public var mutableBuffer: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: pointer, count: count)
    }

    /// The whole buffer, for reading.
    public var buffer: UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: pointer, count: count)
    }

    /// Elements `range` of the buffer, for reading and writing.
    public func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Float> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of bounds")
        return UnsafeMutableBufferPointer(start: pointer + range.lowerBound, count: range.count)
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        pointer.update(repeating: value, count: count)
    }

    /// A copy of the contents as an array (for tests and reports, not for the training loop).
    public var array: [Float] {
        Array(buffer)
    }

    /// Reads or writes one element.
    public subscript(index: Int) -> Float {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }
}
