import CandorReport
import Foundation

/// The files of `output.per_group`: each group's report in every format of the run, under
/// `OUTPUT/NAME/GROUP/NAME.EXT`, opened for the run to commit with its other files.
enum GroupReportFiles {
    /// Opens and fills one file per group and format; nothing is published until the caller
    /// commits them (with the main reports, so a run publishes all or none).
    ///
    /// - Returns: the files, and their final paths for the run's outcome.
    /// - Throws: `OutputError` when a folder or file cannot be made.
    static func write(_ document: ReportDocument, request: RunRequest) throws(OutputError)
        -> (files: [AtomicFileWriter], paths: [String])
    {
        guard let field = request.definition.perGroup else { return ([], []) }
        let name = request.definition.name
        var files: [AtomicFileWriter] = []
        var paths: [String] = []
        for group in GroupReport.reports(document, field: field) {
            // `directoryName` is one safe path component (GroupDirectoryNames), never `..` or a `/`.
            let folder = request.outputDirectory + "/" + name + "/" + group.directoryName
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: folder, reason: error.localizedDescription)
            }
            for format in request.formats {
                let renderer = format.renderer
                let path = folder + "/\(name).\(format.fileExtension)"
                let file = try AtomicFileWriter(path: path, permissions: .readableByAll)
                files.append(file)
                paths.append(path)
                try renderer.write(group.document, to: file)
            }
        }
        return (files, paths)
    }
}
