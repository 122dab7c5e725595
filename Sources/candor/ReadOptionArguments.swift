import ArgumentParser
import CandorIngest

/// The `--encoding`, `--delimiter`, `--format` and related options shared by the commands that
/// read inputs.
struct ReadOptionArguments: ParsableArguments {
    @Option(help: "Input encoding (default: detect from a byte-order mark, else UTF-8).")
    var encoding: TextEncoding?

    @Option(help: "Field delimiter: ',', ';' or 'tab' (default: detected from the header).")
    var delimiter: String?

    @Option(help: "Export format (default: detected from the header rows).")
    var format: ExportFormat?

    @Flag(help: "Keep spaces around unquoted fields (by default they are trimmed).")
    var keepSpaces = false

    /// The options as ingest takes them.
    func readOptions() throws -> ReadOptions {
        var options = ReadOptions(encoding: encoding, format: format, trimSpaces: !keepSpaces)
        if let delimiter {
            switch delimiter {
            case ",": options.delimiter = 0x2C
            case ";": options.delimiter = 0x3B
            case "tab", "\\t", "\t": options.delimiter = 0x09
            default: throw ValidationError("unknown delimiter '\(delimiter)'; use ',', ';' or 'tab'")
            }
        }
        return options
    }
}

/// Export formats are parsed by ArgumentParser as the option is read, by their raw names
/// (`google-forms`), so a wrong one is a usage error that lists the valid ones.
extension ExportFormat: ExpressibleByArgument {
    /// Parses the format's name in any case (`Qualtrics` as well as `qualtrics`).
    package init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Encodings are parsed as the option is read, with the spellings `TextEncoding(userText:)`
/// accepts (`utf8`, `UTF-8`, `cp1252`, …).
extension TextEncoding: ExpressibleByArgument {
    /// Parses an encoding name as `TextEncoding(userText:)` does.
    package init?(argument: String) { self.init(userText: argument) }
}
