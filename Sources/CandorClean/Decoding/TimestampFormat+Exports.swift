import CandorIngest

extension TimestampFormat {
    /// The formats a timestamp field without `formats` reads in an input of `export` format:
    /// the survey tool's own, then ISO 8601.
    ///
    /// Each tool writes its dates one way (checked against the exports in
    /// `Tests/CandorIngestTests/Fixtures/formats/` and the samples): Google Forms' download
    /// `M/D/YYYY H:mm:ss` (a sheet saved from it `YYYY/MM/DD h:mm:ss A Z`), Qualtrics
    /// `YYYY-MM-DD HH:mm:ss`, SurveyMonkey `MM/DD/YYYY hh:mm:ss A`, Microsoft Forms (an Excel
    /// download, US locale) `M/D/YY H:mm:ss`. A generic file gets ISO 8601 alone: guessing
    /// between day and month there would corrupt a column without a word.
    package static func implied(by export: ExportFormat) -> [TimestampFormat] {
        let patterns: [String] =
            switch export {
            case .generic: []
            case .googleForms: ["M/D/YYYY H:mm:ss", "YYYY/MM/DD h:mm:ss A Z"]
            case .qualtrics: ["YYYY-MM-DD HH:mm:ss"]
            case .surveymonkey: ["MM/DD/YYYY hh:mm:ss A"]
            case .msForms: ["M/D/YY H:mm:ss"]
            }
        // The patterns are constants checked by the tests, so compiling them cannot fail.
        return patterns.map { try! TimestampFormat(pattern: $0) } + [.iso8601]
    }

    /// Every format some export implies, each once: what a filter's timestamp value (written by
    /// the definition's author, before any input is read) may be written in.
    package static var impliedByAnyExport: [TimestampFormat] {
        var formats: [TimestampFormat] = []
        for export in ExportFormat.allCases {
            for format in implied(by: export) where !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}
