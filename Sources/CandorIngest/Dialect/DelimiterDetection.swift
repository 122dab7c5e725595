/// The field delimiter ``DelimiterDetector`` chose, and why.
package struct DelimiterDetection: Sendable, Equatable {
    /// The delimiter byte: `,`, `;`, tab, or whatever an Excel `sep=` line names.
    package var delimiter: UInt8
    /// Bytes to skip before the header: the length of an Excel `sep=X` line with its line
    /// ending, else 0.
    package var skipPrefixBytes: Int
    /// A one-line account of the decision for the run log, e.g.
    /// `semicolon: 3 fields on 4 of 4 records; comma: 1 field in header; tab: 1 field in header`.
    package var evidence: String

    /// Creates a detection result.
    package init(delimiter: UInt8, skipPrefixBytes: Int, evidence: String) {
        self.delimiter = delimiter
        self.skipPrefixBytes = skipPrefixBytes
        self.evidence = evidence
    }
}

extension DelimiterDetection {
    /// A delimiter byte as people call it: "comma (,)", "semicolon (;)", "tab", or the character.
    package static func displayName(of delimiter: UInt8) -> String {
        switch delimiter {
        case 0x2C: "comma (,)"
        case 0x3B: "semicolon (;)"
        case 0x09: "tab"
        default: "'\(Character(UnicodeScalar(delimiter)))'"
        }
    }
}
