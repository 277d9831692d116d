extension RunStatus {
    /// Whether the run was stopped by a signal, and so has no final result yet.
    public var isInterrupted: Bool {
        if case .interrupted = self { true } else { false }
    }
}
