import CandorCore

/// Cleaning one input in two parts at once: a state for the later part, the check that its
/// outcome is the sequential one, and the merge.
extension CleanerState {
    /// A state for the records after the current ones of the input in progress: the same
    /// schema, bindings and value caches, but no records seen and an empty respondent-id set.
    func laterPart() -> CleanerState {
        var part = self
        part.deduplicator = Deduplicator()
        part.totals = CleanAccounting()
        part.current = CleanAccounting.InputCounts()
        part.qualityCounts = qualityCounts.map { $0.map { _ in 0 } }
        part.straightLiners = straightLiners.map { _ in 0 }
        part.answeredWholeBlock = answeredWholeBlock.map { _ in 0 }
        part.textSamples = textSamples.map { _ in [] }
        part.inputIndex = 0
        part.inputPaths = [inputPath]
        return part
    }

    /// Whether `later` registered a respondent id this state had seen: its records were then
    /// judged without knowing that they repeat an earlier one, unlike in a sequential pass.
    func sharesRespondents(with later: CleanerState) -> Bool {
        var shared = false
        later.deduplicator.forEach { id, _ in
            if !shared, deduplicator.firstOccurrence(of: id) != nil { shared = true }
        }
        return shared
    }

    /// Adds what `later` (a `laterPart()` that read the rest of the input, with no respondent
    /// in common) saw, as if this state had read its records: counts, free-text samples,
    /// category values and, with `keepingIDs`, its ids with their lines and record numbers moved
    /// by `lines` and `records` (after the last input no id is looked up again, and leaving
    /// them out saves the time and memory of growing the set).
    /// - Returns: how `later`'s category codes translate into this state's.
    mutating func absorb(_ later: CleanerState, lines: Int, records: Int, keepingIDs: Bool) -> CategoryRecoding {
        let input = inputIndex
        if keepingIDs {
            later.deduplicator.forEach { id, first in
                _ = deduplicator.register(id, input: input, line: first.line + lines, record: first.record + records)
            }
        }
        totals.read += later.totals.read
        totals.accepted += later.totals.accepted
        totals.rejectedByReason.merge(later.totals.rejectedByReason, uniquingKeysWith: +)
        totals.excludedByFilter.merge(later.totals.excludedByFilter, uniquingKeysWith: +)
        current.read += later.current.read
        current.accepted += later.current.accepted
        current.rejected += later.current.rejected
        current.excluded += later.current.excluded
        for kind in qualityCounts.indices {
            for field in qualityCounts[kind].indices { qualityCounts[kind][field] += later.qualityCounts[kind][field] }
        }
        for block in straightLiners.indices {
            straightLiners[block] += later.straightLiners[block]
            answeredWholeBlock[block] += later.answeredWholeBlock[block]
        }
        for field in textSamples.indices {
            let room = max(textSampleLimit - textSamples[field].count, 0)
            textSamples[field].append(contentsOf: later.textSamples[field].prefix(room))
        }
        var recoding = CategoryRecoding()
        for field in decoders.indices {
            guard let theirs = later.decoders[field].categories, decoders[field].categories != nil else { continue }
            recoding.codes[field] = decoders[field].categories!.absorb(theirs)
        }
        return recoding
    }
}

extension Cleaner {
    /// A cleaner for the records after this one's in the input in progress (see
    /// `CleanerState.laterPart()`), to run on another thread and merge back with `absorb`.
    package func laterPart() -> Cleaner { Cleaner(state: state!.laterPart()) }

    /// Whether `later` saw a respondent id this cleaner had seen; its outcome then differs from
    /// a sequential pass's, and its part must be read again by this cleaner.
    package func sharesRespondents(with later: Cleaner) -> Bool { state!.sharesRespondents(with: later.state!) }

    /// Per category field (schema index): the number of values its table holds.
    package var categoryCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for (field, decoder) in state!.decoders.enumerated() {
            if let table = decoder.categories { counts[field] = table.labels.count }
        }
        return counts
    }

    /// Merges `later`, which read the rest of the input in progress and shares no respondent
    /// with this cleaner; its records' lines and record numbers move by `lines` and `records`.
    /// Without `keepingIDs` its respondent ids are left out: only for the run's last input,
    /// after which no id is looked up.
    /// - Returns: how `later`'s category codes translate into this cleaner's.
    package func absorb(_ later: Cleaner, lines: Int, records: Int, keepingIDs: Bool = true) -> CategoryRecoding {
        state!.absorb(later.state!, lines: lines, records: records, keepingIDs: keepingIDs)
    }
}
