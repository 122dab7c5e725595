import Foundation

/// Removes the hidden temporary files a killed run left beside its outputs.
///
/// `AtomicFileWriter` removes its temporary file on every failure it sees, but a `SIGKILL`, an
/// OOM kill or a power cut leaves `.NAME.md.tmp-PID-RANDOM` and friends behind. They are never
/// under a final name, so no reader mistakes them for a report; but the rejects one holds
/// people's answers, and nightly kills would pile them up. Called with the output folder's lock
/// held: no other run can be writing into the folder then, so every such file is stale.
enum StaleTemporaryFiles {
    /// Deletes `.<name>.tmp-*` in `directory` for each final file name in `finalPaths`; returns
    /// the names removed.
    @discardableResult
    static func remove(besides finalPaths: [String], logger: (String) -> Void) -> [String] {
        var removed: [String] = []
        let byFolder = Dictionary(grouping: finalPaths) { ($0 as NSString).deletingLastPathComponent }
        for (folder, paths) in byFolder {
            let prefixes = paths.map { "." + ($0 as NSString).lastPathComponent + ".tmp-" }
            // A folder that cannot be listed has nothing we can clean; writing into it will fail
            // with its own clear message.
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
            else { continue }
            for entry in entries.sorted() where prefixes.contains(where: { entry.hasPrefix($0) }) {
                let path = folder.isEmpty ? entry : folder + "/" + entry
                if unlink(path) == 0 {
                    removed.append(entry)
                    logger("removed \(path), left by an interrupted run")
                }
            }
        }
        return removed
    }
}
