import CandorClean
import CandorCore
import CandorReport

/// The data-quality counts a report publishes, by name, as one held cell: where the records went,
/// rejections by reason, exclusions by filter, blanks, non-answers and invalid values by field,
/// straight-lining by block, identical rows and each input's counts.
///
/// Between runs of one wave, a count that moved by 1 to `min_group_size − 1` would show what
/// became of those few records. The counts are tied by sums (read = accepted + rejected +
/// excluded, each over reasons, filters and inputs), so one held count could be worked back out
/// from the others: when any is held, all of them keep their last publication (the simplest
/// complement that leaves no held count determined).
enum QualityCounts {
    /// The counts of `document`, by name.
    static func counts(_ document: ReportDocument) -> [String: Int] {
        let accounting = document.accounting
        var counts = ["read": accounting.read, "accepted": accounting.accepted]
        for (reason, count) in accounting.rejectedByReason { counts["rejected:" + reason.rawValue] = count }
        for (filter, count) in accounting.excludedByFilter { counts["excluded:" + filter] = count }
        for (field, count) in accounting.blanks { counts["blank:" + field] = count }
        for (field, count) in accounting.nonAnswers { counts["non_answer:" + field] = count }
        for (field, count) in accounting.invalidAsMissing { counts["invalid_as_missing:" + field] = count }
        for (block, pair) in accounting.straightLining {
            counts["straight_lining:" + block] = pair.flagged
            counts["answered_block:" + block] = pair.answeredAll
        }
        if let identical = accounting.identicalRows { counts["identical_rows"] = identical }
        for (path, input) in accounting.perInput {
            counts["input_read:" + path] = input.read
            counts["input_accepted:" + path] = input.accepted
            counts["input_rejected:" + path] = input.rejected
            counts["input_excluded:" + path] = input.excluded
        }
        for (position, input) in document.inputs.enumerated() { counts["input_records:\(position)"] = input.records }
        return counts
    }

    /// The names whose count moved by 1 to `minGroupSize − 1` between `before` and `now`.
    static func smallChanges(from before: [String: Int], to now: [String: Int], minGroupSize: Int) -> [String] {
        Set(before.keys).union(now.keys).sorted().filter { name in
            let change = abs((now[name] ?? 0) - (before[name] ?? 0))
            return change > 0 && change < minGroupSize
        }
    }

    /// `document` with the counts `counts` (as `counts(_:)` gave them) in place of its own.
    static func restore(_ counts: [String: Int], into document: inout ReportDocument) {
        var accounting = document.accounting
        func part(_ prefix: String) -> [String: Int] {
            var values: [String: Int] = [:]
            for (name, count) in counts where name.hasPrefix(prefix) {
                values[String(name.dropFirst(prefix.count))] = count
            }
            return values
        }
        accounting.read = counts["read"] ?? 0
        accounting.accepted = counts["accepted"] ?? 0
        accounting.rejectedByReason = [:]
        for (reason, count) in part("rejected:") {
            if let code = ReasonCode(rawValue: reason) { accounting.rejectedByReason[code] = count }
        }
        accounting.excludedByFilter = part("excluded:")
        accounting.blanks = part("blank:")
        accounting.nonAnswers = part("non_answer:")
        accounting.invalidAsMissing = part("invalid_as_missing:")
        let answered = part("answered_block:")
        accounting.straightLining = part("straight_lining:").reduce(into: [:]) { result, entry in
            result[entry.key] = (entry.value, answered[entry.key] ?? 0)
        }
        accounting.identicalRows = counts["identical_rows"] ?? (accounting.identicalRows == nil ? nil : 0)
        let read = part("input_read:")
        let accepted = part("input_accepted:")
        let rejected = part("input_rejected:")
        let excluded = part("input_excluded:")
        accounting.perInput = read.reduce(into: [:]) { result, entry in
            result[entry.key] = CleanAccounting.InputCounts(
                read: entry.value, accepted: accepted[entry.key] ?? 0, rejected: rejected[entry.key] ?? 0,
                excluded: excluded[entry.key] ?? 0)
        }
        document.accounting = accounting
        for position in document.inputs.indices {
            if let records = counts["input_records:\(position)"] { document.inputs[position].records = records }
        }
    }
}
