import CandorClean
import CandorCore
import CandorIngest
import Foundation

/// The answer to an erasure request: removes one respondent from everything Candor keeps that
/// holds people's answers, in a pipeline's output folder.
///
/// What Candor keeps per person is the rejects file (`NAME.rejects.csv`, mode 0600, the
/// rejected records' raw fields), after a killed run a hidden temporary copy of it, and
/// partials: the cache entries of `output.cache` and shard partials left in the output folder
/// (`PartialErasure`: deleted, not rewritten). The
/// reports hold aggregates only (quoted free text aside, which carries no id; see
/// `Docs/PIPELINE.md`), the run log holds counts, and a two-part read's rejection spill is
/// unlinked as soon as it is made, so nothing of it outlives the run. The inputs are the
/// analyst's own files: the person must be removed from them too before the next run.
///
/// The rejects file is rewritten without the person's rows, byte for byte otherwise, through a
/// temporary file renamed over it, with the output folder's lock held: a kill leaves either the
/// old file or the new one, and no run writes it meanwhile.
package enum RespondentErasure {
    /// What `forget` removed.
    package struct Outcome: Sendable, Equatable {
        /// Per file rewritten (its path): the rows removed.
        package var removedRows: [String: Int] = [:]
        /// Temporary files removed (left by killed runs; any of them may hold the person).
        package var removedTemporaries: [String] = []
        /// Inputs named in the rejects file whose header could not be read: their rows were
        /// matched on any field equal to the id, not on the id column alone.
        package var matchedOnAnyField: [String] = []
        /// Cache entries deleted (`output.cache`), by path, with the input each held: the next
        /// run parses those inputs again.
        package var removedCacheEntries: [String: String] = [:]
        /// Shard partial files deleted from the output folder: their shards must run again.
        package var removedPartials: [String] = []

        /// One line per thing done, for the terminal.
        package var lines: [String] {
            var lines = removedRows.sorted { $0.key < $1.key }.map { "removed \($0.value) row(s) from \($0.key)" }
            lines += removedTemporaries.map { "removed \($0), a temporary file left by an interrupted run" }
            lines += matchedOnAnyField.map {
                "\($0): its header could not be read, so rows with any field equal to the id were removed"
            }
            lines += removedCacheEntries.sorted { $0.key < $1.key }.map {
                "removed cache entry \($0.key), which held the respondent; the next run parses \($0.value) again"
            }
            lines += removedPartials.map { "removed partial \($0), which held the respondent; run its shard again" }
            return lines
        }
    }

    /// Removes respondent `id` from what the pipeline keeps in `outputDirectory`.
    /// - Throws: `RunFailure`: configuration (78) when the definition declares no id field,
    ///   locked (75) while a run holds the folder, output errors (73) when a file cannot be
    ///   rewritten.
    package static func forget(_ id: String, definition: PipelineDefinition, outputDirectory: String)
        throws(RunFailure) -> Outcome
    {
        guard let field = definition.schema.respondentField else {
            throw RunFailure(
                .configuration,
                "\(definition.name): the definition declares no id field, so rows cannot be matched to a respondent")
        }
        var outcome = Outcome()
        guard FileManager.default.fileExists(atPath: outputDirectory) else { return outcome }
        let lock = OutputLock(directory: outputDirectory)
        do { try lock.acquire(wait: false) } catch { throw RunFailure(error.exitStatus, error.description) }
        defer { lock.release() }
        let rejectsPath = outputDirectory + "/\(definition.name).rejects.csv"
        outcome.removedTemporaries = StaleTemporaryFiles.remove(besides: [rejectsPath]) { _ in }
        var columns = IdColumns(definition: definition, field: field)
        if FileManager.default.fileExists(atPath: rejectsPath) {
            let ranges = try RejectsScan.rows(in: rejectsPath) { input, fields in
                let wanted = displayed(id)
                guard let column = columns.column(in: input) else {
                    return fields.contains { $0.trimmingCharacters(in: .whitespaces) == wanted }
                }
                return column < fields.count && fields[column].trimmingCharacters(in: .whitespaces) == wanted
            }
            outcome.matchedOnAnyField = columns.unreadable.sorted()
            if !ranges.isEmpty {
                try RejectsScan.rewrite(rejectsPath, without: ranges)
                outcome.removedRows[rejectsPath] = ranges.count
            }
        }
        let partials = PartialErasure.forget(
            id, definition: definition, outputDirectory: outputDirectory, columns: &columns)
        outcome.removedCacheEntries = partials.cacheEntries
        outcome.removedPartials = partials.partials
        return outcome
    }

    /// `text` as the rejects file's `raw_fields` writes valid UTF-8: a backslash doubled.
    static func displayed(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
    }

    /// The id column of each input the rejects file (or a partial) names, found from its header.
    struct IdColumns {
        private let definition: PipelineDefinition
        private let field: Int
        private var known: [String: Int?] = [:]
        /// Inputs whose header could not be read (or lacks the id column).
        private(set) var unreadable: Set<String> = []

        /// The columns of `definition`'s id field `field`, found as inputs are named.
        init(definition: PipelineDefinition, field: Int) {
            self.definition = definition
            self.field = field
        }

        /// The column, or `nil` when the input's header cannot be read (or lacks it).
        mutating func column(in input: String) -> Int? {
            if let column = known[input] { return column }
            let candidates = [DefinitionLoader.resolve(input, against: definition.folder), input]
            var column: Int?
            for path in candidates where FileManager.default.fileExists(atPath: path) {
                if let stream = try? IngestStream(path: path, options: definition.read, displayName: input) {
                    column = definition.schema.column(ofField: field, in: stream.layout)
                    break
                }
            }
            if column == nil { unreadable.insert(input) }
            known[input] = column
            return column
        }
    }
}
