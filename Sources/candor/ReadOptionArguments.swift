import ArgumentParser
import CandorIngest

/// The `--encoding`, `--delimiter`, `--format` and related options shared by the commands that
/// read inputs.
struct ReadOptionArguments: ParsableArguments {
    @Option(
        help:
            "Input encoding: utf-8, utf-16le, utf-16be, windows-1252, latin-1 (default: detect from a byte-order mark, else UTF-8)."
    )
    var encoding: String?

    @Option(help: "Field delimiter: ',', ';' or 'tab' (default: detected from the header).")
    var delimiter: String?

    @Option(help: "Export format: generic, qualtrics, surveymonkey, google-forms, ms-forms (default: detected).")
    var format: String?

    @Flag(help: "Keep spaces around unquoted fields (by default they are trimmed).")
    var keepSpaces = false

    /// The options as ingest takes them.
    func readOptions() throws -> ReadOptions {
        var options = ReadOptions(trimSpaces: !keepSpaces)
        if let encoding {
            guard let parsed = TextEncoding(userText: encoding) else {
                throw ValidationError(
                    "unknown encoding '\(encoding)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            options.encoding = parsed
        }
        if let delimiter {
            switch delimiter {
            case ",": options.delimiter = 0x2C
            case ";": options.delimiter = 0x3B
            case "tab", "\\t", "\t": options.delimiter = 0x09
            default: throw ValidationError("unknown delimiter '\(delimiter)'; use ',', ';' or 'tab'")
            }
        }
        if let format {
            guard let parsed = ExportFormat(rawValue: format.lowercased()) else {
                throw ValidationError(
                    "unknown format '\(format)'; use one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            options.format = parsed
        }
        return options
    }
}
