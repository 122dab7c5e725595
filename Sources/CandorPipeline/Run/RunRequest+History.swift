import CandorHistory

extension RunRequest {
    /// The wave this run records: `--wave`, else the definition's `wave:`, else `current`.
    package var waveLabel: String {
        waveOverride ?? definition.history.wave ?? HistorySettings.defaultWave
    }

    /// The history file in force, `nil` when the definition turned it off.
    package var historyPath: String? {
        switch definition.history.location {
        case .off: nil
        case .outputFolder: outputDirectory + "/" + HistorySettings.defaultFileName
        case .path(let path): path
        }
    }
}
