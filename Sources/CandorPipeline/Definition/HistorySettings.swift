/// Where a pipeline keeps its history, which wave a run records, and how changes are shown.
package struct HistorySettings: Sendable, Hashable {
    /// Where the history file goes.
    package enum Location: Sendable, Hashable {
        /// `history.sqlite` in the output folder in force (the default).
        case outputFolder
        /// A path the definition names (`output.history: PATH`), resolved against its folder.
        case path(String)
        /// No history (`output.history: false`): no file, no change, no trend.
        case off
    }

    /// The history file's name in the output folder when the definition names no other place.
    package static let defaultFileName = "history.sqlite"
    /// The wave a run records when neither `--wave` nor `wave:` names one: one open wave.
    package static let defaultWave = "current"
    /// Waves the trend table shows when `change.trend_waves` does not say.
    package static let defaultTrendWaves = 5

    /// Where the history goes.
    package var location: Location
    /// The definition's `wave:`; `--wave` overrides it.
    package var wave: String?
    /// `change.minimum_difference`: the smallest change worth calling out, in points.
    package var minimumDifference: Double?
    /// `change.trend_waves`: how many waves the trend table shows, this one included.
    package var trendWaves: Int
    /// Per metric id, the SHA-256 of what defines it (`MetricDefinitionHash`).
    package var metricHashes: [String: String]

    /// Creates settings.
    package init(
        location: Location = .outputFolder, wave: String? = nil, minimumDifference: Double? = nil,
        trendWaves: Int = defaultTrendWaves, metricHashes: [String: String] = [:]
    ) {
        self.location = location
        self.wave = wave
        self.minimumDifference = minimumDifference
        self.trendWaves = trendWaves
        self.metricHashes = metricHashes
    }
}
