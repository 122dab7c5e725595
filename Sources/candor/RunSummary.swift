import CandorPipeline
import Foundation

/// The one line per pipeline that `candor run --verbose` prints on stdout, as text or, with
/// `--log-format json`, as one JSON object, so a log collector reads the summary as it reads
/// the errors.
enum RunSummary {
    /// `outcome` as one line in `format`.
    static func line(_ outcome: RunOutcome, format: StderrLogHandler.Format) -> String {
        switch format {
        case .text: text(outcome)
        case .json: json(outcome)
        }
    }

    private static func text(_ outcome: RunOutcome) -> String {
        if outcome.skipped { return "\(outcome.pipeline): unchanged since the last successful run, skipped" }
        let counts =
            outcome.counts.map {
                "read \($0.read), accepted \($0.accepted), rejected \($0.rejected), excluded \($0.excluded)"
            } ?? "no records read"
        let status = outcome.status == .success ? "ok" : "failed (exit \(outcome.status.rawValue))"
        let line = "\(outcome.pipeline): \(status); \(counts); \(String(format: "%.2f", outcome.seconds)) s"
        // Under output.cache: what came from the cache, and a line per note on it.
        guard let cache = outcome.cache else { return line }
        return ([line + "; " + cache.summary] + cache.notes.map { "\(outcome.pipeline): \($0)" })
            .joined(separator: "\n")
    }

    /// Keys in snake_case, like the reports: `pipeline`, `status` (`ok`, `skipped`, `failed`),
    /// `exit_status`, `seconds`, the four counts when the run got as far as reading, and under
    /// `output.cache` a `cache` object: `parsed`, `from_cache`, `read_again`, `notes`.
    private static func json(_ outcome: RunOutcome) -> String {
        var object: [String: Any] = [
            "pipeline": outcome.pipeline,
            "status": outcome.skipped ? "skipped" : outcome.status == .success ? "ok" : "failed",
            "exit_status": Int(outcome.status.rawValue),
            "seconds": (outcome.seconds * 100).rounded() / 100,
        ]
        if let counts = outcome.counts {
            object["read"] = counts.read
            object["accepted"] = counts.accepted
            object["rejected"] = counts.rejected
            object["excluded"] = counts.excluded
        }
        if let cache = outcome.cache {
            object["cache"] = [
                "parsed": cache.parsed, "from_cache": cache.fromCache, "read_again": cache.readAgain,
                "notes": cache.notes,
            ]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
