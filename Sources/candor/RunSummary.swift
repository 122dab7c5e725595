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
        return "\(outcome.pipeline): \(status); \(counts); \(String(format: "%.2f", outcome.seconds)) s"
    }

    /// Keys in snake_case, like the reports: `pipeline`, `status` (`ok`, `skipped`, `failed`),
    /// `exit_status`, `seconds`, and the four counts when the run got as far as reading.
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
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
