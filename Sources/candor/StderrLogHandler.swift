import CandorCore
import Foundation
import Logging

/// Writes log lines to stderr: plain text for people, or one JSON object per line for log
/// collectors (`--log-format json`). The time of the run lives here, never in the reports.
struct StderrLogHandler: LogHandler {
    enum Format: String, Sendable { case text, json }

    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let format: Format
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let timestamp = Self.timestamp()
        let text: String
        switch format {
        case .text:
            text =
                "candor: \(event.level == .error || event.level == .critical ? "error: " : event.level == .warning ? "warning: " : "")\(event.message)\n"
        case .json:
            var object: [String: String] = [
                "time": timestamp, "level": event.level.rawValue, "message": "\(event.message)", "logger": label,
            ]
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
                object[key] = "\(value)"
            }
            let data =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data()
            text = String(decoding: data, as: UTF8.self) + "\n"
        }
        StandardStream.error.write(text)
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
