import Glibc
import Synchronization

/// SIGINT and SIGTERM as a request to stop: after ``install()``, the first such signal is
/// recorded instead of killing the process, so the run in flight can end between two batches
/// as `interrupted` and the report can be written. A second signal kills at once (the handler
/// restores the default action), which is safe: finished runs are already stored.
public enum StopSignal {
    private static let receivedNumber = Atomic<Int32>(0)

    /// Installs the handlers for SIGINT and SIGTERM, and unblocks both: a blocked signal mask
    /// is inherited from the parent (Foundation's `Process` passes its own on), and would
    /// leave a signal pending until the batch ended.
    public static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            _ = Glibc.signal(number) { number in
                StopSignal.receivedNumber.store(number, ordering: .relaxed)
                _ = Glibc.signal(number, SIG_DFL)
            }
            sigaddset(&signals, number)
        }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// The signal received since ``install()``, or nil.
    public static var received: Int32? {
        let number = receivedNumber.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether a stop was requested.
    public static var isRequested: Bool {
        received != nil
    }
}
