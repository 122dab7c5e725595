import Testing

@testable import CandorIngest

/// Parsing encoding names as people write them.
struct EncodingTextEncodingTests {
    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf_8", .utf8), ("US-ASCII", .utf8),
        ("utf-16le", .utf16LE), ("UTF-16LE", .utf16LE), ("utf16be", .utf16BE),
        ("windows-1252", .windows1252), ("cp1252", .windows1252), ("Win-1252", .windows1252),
        ("latin-1", .latin1), ("latin1", .latin1), ("ISO-8859-1", .latin1), ("iso8859_1", .latin1),
    ])
    func parsesAliases(text: String, expected: TextEncoding) {
        #expect(TextEncoding(userText: text) == expected)
    }

    @Test(arguments: ["auto", "utf-16", "utf-32", "", "shift_jis"])
    func rejectsUnknownAndAmbiguousNames(text: String) {
        #expect(TextEncoding(userText: text) == nil)
    }

    @Test func rawValuesAreTheDefinitionSpellings() {
        #expect(TextEncoding.allCases.map(\.rawValue) == ["utf-8", "utf-16le", "utf-16be", "windows-1252", "latin-1"])
        #expect(TextEncoding.allCases.filter(\.isUTF8) == [.utf8])
    }
}
