/// Why a sample could not be generated; every case is a usage mistake the caller can fix.
package enum SampleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The survey has no export in that format.
    case unsupportedFormat(survey: SampleSurvey, format: SampleFormat)
    /// The row count is negative.
    case negativeRowCount(Int)
    /// More dirty rows were asked for than there are rows, or a negative number.
    case invalidDirtyRowCount(dirtyRows: Int, rows: Int)

    /// A message that says what was wrong and what to do instead.
    package var description: String {
        switch self {
        case let .unsupportedFormat(survey, format):
            let supported = survey.supportedFormats.map(\.rawValue).joined(separator: ", ")
            return "The \(survey.rawValue) sample has no \(format.rawValue) export; use one of: \(supported)."
        case let .negativeRowCount(rows):
            return "The row count must be 0 or more, not \(rows)."
        case let .invalidDirtyRowCount(dirtyRows, rows):
            return "The dirty row count must be between 0 and the row count (\(rows)), not \(dirtyRows)."
        }
    }
}
