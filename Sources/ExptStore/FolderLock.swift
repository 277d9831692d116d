import Foundation

/// An exclusive lock on a results folder, so two expt processes never write it at once.
///
/// It is a `flock(2)` on the folder's `lock` file, which holds the owner's process id. The
/// system releases it when the process ends in any way (`kill -9` included), so a stale lock
/// file never blocks a later run. Released by ``release()`` or when the value is deallocated.
public final class FolderLock {
    private var descriptor: Int32

    /// Locks `folder`. When another process holds it, fails at once naming that process, or,
    /// with `wait`, blocks until it is free. A `shared` lock (the shards of a batch) admits
    /// other shared holders and excludes exclusive ones; `name` is the lock file's name.
    public init(folder: String, wait: Bool, shared: Bool = false, name: String = "lock") throws(StoreError) {
        let path = (folder as NSString).appendingPathComponent(name)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let owner = StoreFile.read(path)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            // Released here, and marked so: the object is whole, so `deinit` runs after the throw,
            // and a second close(2) could close a descriptor another thread has opened since.
            release()
            if busy {
                throw StoreError("\(folder) is in use by another expt process (pid \(owner.isEmpty ? "unknown" : owner)); "
                                 + "wait for it to end, or pass --wait to queue behind it", isBusy: true)
            }
            throw StoreError("cannot lock \(path): \(reason)")
        }
        let pid = "\(getpid())\n"
        ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Releases the lock (the lock file stays, empty of meaning until the next owner).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
