import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system temporary folder, removed when the value is dropped.
final class ScratchFolder {
    /// The folder's absolute path, without a trailing slash.
    let path: String

    init() {
        var base = NSTemporaryDirectory()
        if base.hasSuffix("/") { base.removeLast() }
        path = base + "/candor-output-" + UUID().uuidString
        // 0700 like mkdtemp: nobody else may race us inside it.
        try! FileManager.default.createDirectory(  // test scaffolding, not a data path
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit {
        chmod(path, 0o755)  // in case a test made it read-only
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The folder as a file URL.
    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of a name inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// The folder's entries, sorted, including hidden ones.
    func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Writes a file directly (not through the code under test).
    func create(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
    }

    /// A file's bytes as text, or nil if it cannot be read.
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The permission bits of a file, from stat(2).
func permissionBits(_ path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode) & 0o7777
}

/// Whether the tests run as root, for whom permission bits do not stop writes.
var runningAsRoot: Bool { geteuid() == 0 }
