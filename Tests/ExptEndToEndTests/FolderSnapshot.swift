import Foundation

/// Every file under a folder, by its path relative to the folder, with its bytes; lock files
/// (which `expt` leaves behind, empty, and git ignores) are left out.
func folderSnapshot(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: path)
    while let name = enumerator?.nextObject() as? String {
        let full = (path as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
              !name.hasSuffix("lock") else { continue }
        files[name] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
    return files
}
