/// Working memory a run's layers share, one buffer per thread: each layer reserves the size it
/// needs when it is built (so a step allocates nothing) and uses the buffers only within its own
/// forward or backward pass. The layers of a network run one after another, so one set serves
/// them all: a network's convolutions need the largest one's unrolled patches, not their sum.
final class ScratchBuffers {
    private var buffers: [FloatBuffer]

    /// Empty buffers for `threads` threads.
    init(threads: Int) {
        buffers = (0..<threads).map { _ in FloatBuffer(count: 0) }
    }

    /// Grows every thread's buffer to at least `count` values (their contents are not kept).
    func reserve(_ count: Int) {
        guard count > buffers[0].count else { return }
        buffers = buffers.map { _ in FloatBuffer(count: count) }
    }

    /// The buffers, one per thread: valid until the next `reserve`.
    var perThread: [FloatBuffer] { buffers }
}
