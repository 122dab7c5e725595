extension AtomicFileWriter {
    /// Publishes several files together: none is renamed until all are written and synced.
    ///
    /// A run's outputs (report.md, report.json, rejects.csv) describe the same data. If the disk
    /// fills while the last one is synced, every writer is abandoned and yesterday's set stays
    /// whole, rather than a new report beside an old rejects file. Renames happen only after
    /// every sync succeeded; they are individually atomic, and a rename failing part-way (rare:
    /// the folder vanished, or a name became a folder) leaves the earlier files published, and
    /// abandons the rest.
    /// - Throws: the first `OutputError`; every writer not yet renamed is abandoned.
    package static func commitAll(_ writers: [AtomicFileWriter]) throws(OutputError) {
        for (index, writer) in writers.enumerated() {
            do {
                try writer.syncAndClose()
            } catch {
                for other in writers[index...] + writers[..<index] { other.abandon() }
                throw error
            }
        }
        for (index, writer) in writers.enumerated() {
            do {
                try writer.rename()
            } catch {
                for other in writers[(index + 1)...] { other.abandon() }
                throw error
            }
        }
        try syncFolders(of: writers)
    }
}
