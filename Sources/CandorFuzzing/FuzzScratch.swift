import Foundation

/// A private folder for one check's files (the input, a definition, a run's outputs), removed by
/// `remove()`. The readers under test take paths, so the bytes go through a real file.
struct FuzzScratch {
    /// The folder's absolute path, without a trailing slash.
    let path: String

    /// Creates a fresh 0700 folder under the temporary folder (`TMPDIR`).
    init(for target: FuzzTarget) throws(FuzzFinding) {
        var template = Array((NSTemporaryDirectory() + "/candor-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw FuzzFinding(target, "cannot create a scratch folder (errno \(errno)): the harness, not Candor")
        }
        path = String(cString: made)
    }

    /// Writes `bytes` to `name` inside the folder and returns the file's path.
    func write(_ bytes: [UInt8], as name: String, for target: FuzzTarget) throws(FuzzFinding) -> String {
        let file = path + "/" + name
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw FuzzFinding(target, "cannot write \(file): the harness, not Candor")
        }
        return file
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
