/// Numbers as charts print them: whole percentages and signed points, the same on every machine.
package enum ChartText {
    /// `0.456` → `46%`.
    package static func percent(_ fraction: Double) -> String {
        String(Int((fraction * 100).rounded())) + "%"
    }
}
