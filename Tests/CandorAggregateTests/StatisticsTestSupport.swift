import Testing

/// Whether `actual` is within `relative` of `expected` (absolute `1e-15` when `expected` is 0).
func isClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    if expected == 0 { return abs(actual) <= 1e-15 }
    return abs(actual - expected) <= relative * abs(expected)
}

/// Records a failure naming both values when they are not close.
func expectClose(
    _ actual: Double?, _ expected: Double, relative: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(actual, expected, relative: relative),
        "\(String(describing: actual)) is not within \(relative) of \(expected)",
        sourceLocation: sourceLocation)
}
