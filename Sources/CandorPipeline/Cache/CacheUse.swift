/// What a run with `output.cache: true` took from the cache, for `candor run --verbose`.
package struct CacheUse: Sendable, Equatable {
    /// Inputs parsed: new or changed ones, those whose entry could not be used, or every input
    /// when the cache was not used.
    package var parsed = 0
    /// Inputs whose partial came from the cache.
    package var fromCache = 0
    /// Inputs (parsed or cached) that the merge read again because their respondent ids overlap
    /// an earlier input's (or for another reason `candor merge` reads a piece again).
    package var readAgain = 0
    /// Sentences on what the cache could not do: not used for this pipeline, an entry that was
    /// corrupt and parsed again, an entry that could not be written.
    package var notes: [String] = []
    /// The entries of the run's inputs (file names in the pipeline's cache folder): what
    /// pruning keeps after a successful run.
    var entries: Set<String> = []

    /// Creates an empty account.
    package init() {}

    /// `1 input parsed, 29 from the cache` (and `, 2 read again` when any was).
    package var summary: String {
        let parsedWords = parsed == 1 ? "1 input parsed" : "\(parsed) inputs parsed"
        let again = readAgain > 0 ? ", \(readAgain) read again (ids overlapping earlier inputs)" : ""
        return "\(parsedWords), \(fromCache) from the cache\(again)"
    }
}
