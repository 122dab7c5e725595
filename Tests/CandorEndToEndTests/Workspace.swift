import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary copy of the repository's layout (`Pipelines/`, `SampleData/`) for one test, so
/// the relative paths in the definitions (`../SampleData/…`, `../Reports/…`) resolve inside it
/// and no test touches the repository's `Reports/`. Removed when the value is deinitialised.
final class Workspace {
    /// The folder, symlinks resolved, so paths candor prints compare equal to ours.
    let root: String

    /// Copies each named pipeline (`bad-boss` → `Pipelines/bad-boss.yml`) and its sample CSV (and
    /// its roster, `SampleData/NAME-roster.csv`, where it has one).
    init(pipelines: [String] = ["bad-boss"]) throws {
        let made = NSTemporaryDirectory() + "candor-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        try makeFolder("Pipelines")
        try makeFolder("SampleData")
        let repository = CandorProcess.packageRoot.path
        for name in pipelines {
            try FileManager.default.copyItem(
                atPath: "\(repository)/Pipelines/\(name).yml", toPath: path("Pipelines/\(name).yml"))
            try FileManager.default.copyItem(
                atPath: "\(repository)/SampleData/\(name).csv", toPath: path("SampleData/\(name).csv"))
            let roster = "\(repository)/SampleData/\(name)-roster.csv"
            if FileManager.default.fileExists(atPath: roster) {
                try FileManager.default.copyItem(atPath: roster, toPath: path("SampleData/\(name)-roster.csv"))
            }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// An absolute path inside the workspace.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Where a pipeline's definition writes: `Reports/NAME`.
    func reports(_ name: String = "bad-boss") -> String { path("Reports/\(name)") }

    /// Creates a folder (and parents) inside the workspace.
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Writes text to a file inside the workspace.
    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }

    /// Rewrites a file inside the workspace with one exact substring replaced; fails the test
    /// when the substring is not there exactly once (the copied definition changed).
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        try #require(text.components(separatedBy: old).count == 2, "\(relative) should contain \(old) exactly once")
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Runs candor with its current folder set to `folder` (the workspace root by default).
    func candor(_ arguments: String..., in folder: String? = nil) throws -> CandorResult {
        try CandorProcess.run(arguments, in: folder ?? root)
    }
}

/// Small file-system facts the tests compare.
enum FileFacts {
    /// A file's bytes, or nil if it cannot be read.
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Whether something exists at `path` (a symlink counts, even a dangling one).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The permission bits from `stat(2)`, e.g. `0o600`.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Inode and modification time to the nanosecond: an atomic rewrite changes the inode.
    static func identity(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return [Int(info.st_ino), Int(modified.tv_sec), Int(modified.tv_nsec)]
    }

    /// A folder's entries, sorted, hidden ones included.
    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The JSON objects of a JSON-lines file (an unparsable line becomes nil).
    static func jsonLines(_ path: String) -> [[String: Any]?] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// A JSON file's top-level object.
    static func jsonObject(_ path: String) -> [String: Any]? {
        bytes(path).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
