import CandorCore
import CandorIngest
import CandorStorage

/// Cleaning one input in two parts at once: a state for the later part, the checks that its
/// outcome is the sequential one, and the merge.
extension CleanerState {
    /// A state for the records after the current ones of the input in progress: the same
    /// schema, bindings and value caches, but empty tallies and an empty respondent-id set.
    func laterPart() -> CleanerState {
        var part = self
        part.tallies = tallies.empty()
        part.deduplicator = Deduplicator()
        part.rowFingerprints = FingerprintSet()
        part.inputIndex = 0
        part.inputPaths = [inputPath]
        part.expectedDataBytes = nil
        return part
    }

    /// How `later`'s category codes translate into the codes this state's tables give the
    /// same values once `absorb` has added the ones they lack. Changes nothing.
    func recoding(of later: CleanerState) -> CategoryRecoding {
        var recoding = CategoryRecoding()
        for field in decoders.indices {
            guard let theirs = later.decoders[field].categories, let ours = decoders[field].categories else { continue }
            recoding.codes[field] = ours.codes(of: theirs)
        }
        return recoding
    }

    /// Adds what `later` (a `laterPart()` that read the rest of the input, with no respondent
    /// in common) saw, as if this state had read its records: counts, free-text samples, the
    /// category values `recoding` (from `recoding(of: later)`) numbers past the tables' ends
    /// and, with `keepingIDs`, its ids with their lines and record numbers moved by `lines` and
    /// `records` (after the last input no id is looked up again, and leaving them out saves the
    /// time and memory of growing the set).
    mutating func absorb(
        _ later: CleanerState, recoding: CategoryRecoding, lines: Int, records: Int, keepingIDs: Bool
    ) {
        let input = inputIndex
        if keepingIDs {
            deduplicator.reserve(deduplicator.count + later.deduplicator.count)
            later.deduplicator.forEach { id, first in
                _ = deduplicator.register(id, input: input, line: first.line + lines, record: first.record + records)
            }
        }
        tallies.merge(later.tallies)
        // The later part counted the first copy of each of its rows as new; one an earlier
        // record already had is identical to it. (Under `all_fields` the parts share no row, or
        // `respondentOverlap` sends the later part back to be read again.) The count needs the
        // lookups even after the last input; only keeping the rows for later inputs is optional.
        later.rowFingerprints.forEach { fingerprint in
            if keepingIDs {
                if !rowFingerprints.insert(fingerprint) { tallies.identicalRows += 1 }
            } else if rowFingerprints.contains(fingerprint) {
                tallies.identicalRows += 1
            }
        }
        for (field, codes) in recoding.codes {
            guard let theirs = later.decoders[field].categories else { continue }
            decoders[field].categories!.append(theirs, codes: codes)
        }
    }
}

/// Whether two respondent-id sets share an id: the check, on a thread of its own, that a later
/// part's records were judged as a sequential pass would have judged them.
package struct RespondentOverlap: Sendable {
    let earlier: Deduplicator
    let later: Deduplicator
    /// The two parts' row fingerprints, when identical rows are rejected (`all_fields`): a row
    /// of the later part that the earlier part had changes the later part's outcome as an id does.
    var rows: (earlier: FingerprintSet, later: FingerprintSet)?

    /// Whether any id of the later set is in the earlier one. The later ids are checked in two
    /// halves, one on a thread of its own: this check is most of the serial work left when both
    /// parts are read, and both cores are free for it.
    package func isFound() -> Bool {
        if let rows {
            var shared = false
            rows.later.forEach { if !shared && rows.earlier.contains($0) { shared = true } }
            if shared { return true }
        }
        let middle = later.count / 2
        let firstHalf = BackgroundTask(name: "candor-id-check-2") { [self] in
            earlier.containsAny(of: later, entries: 0..<middle)
        }
        let inSecondHalf = earlier.containsAny(of: later, entries: middle..<later.count)
        return firstHalf.wait() || inSecondHalf
    }
}

extension Cleaner {
    /// A cleaner for the records after this one's in the input in progress (see
    /// `CleanerState.laterPart()`), to run on another thread and merge back with `absorb`.
    package func laterPart() -> Cleaner { Cleaner(state: state!.laterPart()) }

    /// The check whether `later` saw a respondent id this cleaner had seen (its outcome then
    /// differs from a sequential pass's, and its part must be read again by this cleaner). It
    /// holds the two id sets as they are now; neither cleaner may register ids until it is done.
    package func respondentOverlap(with later: Cleaner) -> RespondentOverlap {
        RespondentOverlap(
            earlier: state!.deduplicator, later: later.state!.deduplicator,
            rows: state!.schema.rejectsIdenticalRows
                ? (state!.rowFingerprints, later.state!.rowFingerprints) : nil)
    }

    /// Per category field (schema index): the number of values its table holds.
    package var categoryCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for (field, decoder) in state!.decoders.enumerated() {
            if let table = decoder.categories { counts[field] = table.count }
        }
        return counts
    }

    /// How `later`'s category codes translate into this cleaner's once `absorb` has run.
    package func recoding(of later: Cleaner) -> CategoryRecoding { state!.recoding(of: later.state!) }

    /// Merges `later`, which read the rest of the input in progress and shares no respondent
    /// with this cleaner; its records' lines and record numbers move by `lines` and `records`.
    /// `recoding` is `recoding(of: later)`. Without `keepingIDs` the later respondent ids are
    /// left out: only for the run's last input, after which no id is looked up.
    package func absorb(
        _ later: Cleaner, recoding: CategoryRecoding, lines: Int, records: Int, keepingIDs: Bool = true
    ) {
        state!.absorb(later.state!, recoding: recoding, lines: lines, records: records, keepingIDs: keepingIDs)
    }
}
