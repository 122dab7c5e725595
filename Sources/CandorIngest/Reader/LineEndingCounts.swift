/// How many line breaks of each kind the input had.
package struct LineEndingCounts: Sendable, Hashable {
    /// Counts of each kind (none by default).
    package init(crlf: Int = 0, lf: Int = 0, cr: Int = 0) {
        (self.crlf, self.lf, self.cr) = (crlf, lf, cr)
    }

    /// Windows line breaks.
    package var crlf = 0
    /// Unix line breaks.
    package var lf = 0
    /// Classic Mac line breaks.
    package var cr = 0

    /// `CRLF`, `LF`, `CR`, `mixed` or `none`.
    package var summary: String {
        let kinds = [("CRLF", crlf), ("LF", lf), ("CR", cr)].filter { $0.1 > 0 }
        if kinds.isEmpty { return "none" }
        return kinds.count == 1 ? kinds[0].0 : "mixed (" + kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"
    }
}
