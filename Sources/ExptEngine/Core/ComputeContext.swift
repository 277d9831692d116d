/// What one run computes with: how many threads share a training step's work, the vector
/// instruction set of expt's C kernels, the run's own worker threads, and the scratch buffers
/// its layers share (a convolution's unrolled patches, one buffer per thread).
///
/// The runner builds one per run from `train.threads` and gives it to the run's ``Network``,
/// which gives it to every layer it builds; the matrix multiply, the pools and the C kernels
/// take it (or its instruction set) as an argument. Nothing about a run's compute lives in
/// process-wide state, so runs that train at the same time with different thread counts or
/// instruction sets neither see nor wait for each other's. Results are bit-identical whatever
/// the threads and the set. A context serves one network at a time: its layers share its
/// scratch buffers, which is safe only because they run one after another.
public struct ComputeContext {
    /// How many threads a step's matrix multiplies, convolutions and pools use (the calling
    /// thread and threads - 1 workers).
    public let threads: Int
    /// The set of expt's C kernels: ``InstructionSet/widest`` unless a test asks for a narrower one.
    public let instructionSet: InstructionSet
    let workers: WorkerPool
    let scratch: ScratchBuffers

    /// A context whose `threads - 1` worker threads start now and end with the last copy of it.
    public init(threads: Int = 1, instructionSet: InstructionSet = .widest) {
        precondition(threads > 0, "a run needs at least one thread")
        precondition(InstructionSet.supported.contains(instructionSet),
                     "\(instructionSet.rawValue) is not supported by this CPU")
        self.threads = threads
        self.instructionSet = instructionSet
        workers = WorkerPool(threads: threads)
        scratch = ScratchBuffers(threads: threads)
    }

    /// Calls `body(part, parts)` once for each part in `0..<parts`, where `parts` is at most
    /// `count` and at most ``threads``, and returns when all have returned. Parts may run on any
    /// of the run's threads, at the same time or one after another: a caller's result must not
    /// depend on which, nor on how many parts there are.
    func share(_ count: Int, _ body: (_ part: Int, _ parts: Int) -> Void) {
        workers.run(parts: max(1, min(threads, count)), body)
    }
}
