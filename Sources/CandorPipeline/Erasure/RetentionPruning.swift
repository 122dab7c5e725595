import Foundation

/// `output.retain: DAYS`: after a run, deletes the files of the output folder that hold people's
/// answers and are older than that.
///
/// Those are rejects files (`*.rejects.csv`: this pipeline's, if no run has rewritten it for
/// that long, and those of pipelines that share the folder or were renamed) and hidden
/// temporary files a killed run left (`.*.tmp-*`), and the entries of every pipeline's cache
/// (`.candor-cache/NAME/*`, `output.cache`), aged from when they were written: a run parses an
/// input whose entry was pruned again. Reports, the run log and the lock hold no one's answers
/// and are kept. Called with the folder's lock held.
enum RetentionPruning {
    /// Deletes the expired files in `directory`; returns their names, sorted.
    @discardableResult
    static func prune(directory: String, days: Int, now: Date = Date()) -> [String] {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() where holdsAnswers(entry) {
            let path = directory + "/" + entry
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date, modified < cutoff
            else { continue }
            if unlink(path) == 0 { removed.append(entry) }
        }
        return removed + pruneCaches(directory: directory, cutoff: cutoff)
    }

    /// Deletes the cache entries (and a killed run's temporary files) older than `cutoff` in
    /// every pipeline's cache folder; returns their paths inside `directory`, sorted.
    private static func pruneCaches(directory: String, cutoff: Date) -> [String] {
        let root = directory + "/" + InputCache.folderName
        guard InputCache.isRealFolder(root), let pipelines = try? FileManager.default.contentsOfDirectory(atPath: root)
        else { return [] }
        var removed: [String] = []
        for pipeline in pipelines.sorted() where InputCache.isRealFolder(root + "/" + pipeline) {
            let folder = root + "/" + pipeline
            for entry in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                let path = folder + "/" + entry
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType == .typeRegular,
                    let modified = attributes[.modificationDate] as? Date, modified < cutoff
                else { continue }
                if unlink(path) == 0 { removed.append("\(InputCache.folderName)/\(pipeline)/\(entry)") }
            }
        }
        return removed
    }

    /// Whether a file of the output folder, by its name, may hold people's answers.
    static func holdsAnswers(_ name: String) -> Bool {
        name.hasSuffix(".rejects.csv") || (name.hasPrefix(".") && name.contains(".tmp-"))
    }
}
