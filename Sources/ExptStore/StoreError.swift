/// A problem with a results folder: a file that cannot be written or read, an unsafe name,
/// a folder of another layout, or a folder held by another process. The message is complete.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public var description: String
    /// Whether the folder is locked by another process (the command may be retried later).
    public var isBusy: Bool

    public init(_ description: String, isBusy: Bool = false) {
        self.description = description
        self.isBusy = isBusy
    }
}
