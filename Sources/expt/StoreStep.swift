import ExptStore

/// Runs a step on the results folder; a ``StoreError`` is printed and ends the command with
/// ``ExitStatus/folderInUse`` (another process holds the folder) or ``ExitStatus/runtimeError``.
func storeStep<Value>(_ body: () throws(StoreError) -> Value) throws -> Value {
    do {
        return try body()
    } catch {
        printError("error: \(error.description)")
        throw error.isBusy ? ExitStatus.folderInUse : ExitStatus.runtimeError
    }
}
