/// What ``EncodingSniffer`` decided about the start of a file.
package struct EncodingSniff: Sendable, Equatable {
    /// The encoding to decode the file with.
    package var encoding: TextEncoding
    /// How many bytes at the very start are a byte order mark to skip (0, 2 or 3).
    package var bomLength: Int
    /// The encoding the byte order mark stands for, or `nil` when there is none.
    ///
    /// When it differs from ``encoding`` a declared encoding overrode the mark; the reader may
    /// want to warn, since one of the two is wrong.
    package var bomEncoding: TextEncoding?
    /// A short human-readable account of how the decision was made, for the run log.
    package var evidence: String

    /// Creates a sniff result.
    package init(encoding: TextEncoding, bomLength: Int, bomEncoding: TextEncoding? = nil, evidence: String = "") {
        self.encoding = encoding
        self.bomLength = bomLength
        self.bomEncoding = bomEncoding
        self.evidence = evidence
    }

    /// Whether a byte order mark contradicts the encoding chosen.
    package var bomContradictsEncoding: Bool {
        guard let bomEncoding else { return false }
        return bomEncoding != encoding
    }
}
