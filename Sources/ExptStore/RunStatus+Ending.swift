extension RunStatus {
    /// Whether the run was stopped by a signal, and so has no final result yet.
    public var isInterrupted: Bool {
        if case .interrupted = self { true } else { false }
    }

    /// Whether the run ended on its own without completing: diverged or failed.
    public var isDivergedOrFailed: Bool {
        switch self {
        case .diverged, .failed: true
        case .complete, .interrupted: false
        }
    }
}
