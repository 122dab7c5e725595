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
    /// How an input with neither a declared encoding nor a byte order mark is read; `nil` when
    /// one of those decided.
    package var guess: Guess?
    /// Why the encoding cannot be told, when it cannot: the reader then refuses the input.
    package var refusal: String?

    /// The reading chosen for an input that says nothing of its encoding.
    package enum Guess: Sendable, Equatable {
        /// The first ``EncodingSniffer/guessWindow`` bytes are UTF-8 (ASCII included): read as
        /// UTF-8; a byte further on that is not UTF-8 fails the run, since the file may be
        /// Windows-1252 after all.
        case utf8
        /// Not UTF-8, with no multi-byte UTF-8 sequence and no byte Windows-1252 leaves
        /// undefined: read as Windows-1252, as Excel on Windows writes CSV. The first byte that
        /// is not UTF-8 is kept for the report.
        case windows1252(firstNonUTF8: EncodingEvidence.Found)
    }

    /// Creates a sniff result.
    package init(
        encoding: TextEncoding, bomLength: Int, bomEncoding: TextEncoding? = nil, evidence: String = "",
        guess: Guess? = nil, refusal: String? = nil
    ) {
        self.encoding = encoding
        self.bomLength = bomLength
        self.bomEncoding = bomEncoding
        self.evidence = evidence
        self.guess = guess
        self.refusal = refusal
    }

    /// Whether a byte order mark contradicts the encoding chosen.
    package var bomContradictsEncoding: Bool {
        guard let bomEncoding else { return false }
        return bomEncoding != encoding
    }
}
