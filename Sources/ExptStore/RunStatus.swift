/// How a run ended.
public enum RunStatus: Sendable, Equatable, CustomStringConvertible {
    /// Trained every epoch.
    case complete
    /// The training loss became NaN or infinite at this optimizer step; training stopped there.
    case diverged(step: Int)
    /// The run could not be trained; the reason says why.
    case failed(reason: String)
    /// Stopped by a signal (SIGINT, SIGTERM) after this many optimizer steps; trained again on resume.
    case interrupted(step: Int)

    /// `complete`, `diverged`, `failed` or `interrupted`, as written in summary.csv.
    public var description: String {
        switch self {
        case .complete: "complete"
        case .diverged: "diverged"
        case .failed: "failed"
        case .interrupted: "interrupted"
        }
    }
}
