import Foundation
import Testing

@testable import CandorIngest

/// Delimiter detection on real files and on spreadsheet-mangled ones.
struct DelimiterDetectorTests {
    private func detect(_ text: String, wholeFile: Bool = false) -> DelimiterDetection {
        Array(text.utf8).withUnsafeBytes { DelimiterDetector.detect(sample: $0, sampleIsWholeFile: wholeFile) }
    }

    /// Expected results worked out by reading each file (`xxd FILE`).
    @Test(arguments: [
        // csvkit sniff_limit.csv: "a;b;c\n1;2;3\n"
        (
            "sniff_limit.csv", UInt8(ascii: ";"), 0,
            "semicolon: 3 fields on 2 of 2 records; comma: 1 field in header; tab: 1 field in header"
        ),
        // csvkit dummy.tsv: "a\tb\tc\n1\t2\t3\n"
        (
            "dummy.tsv", UInt8(ascii: "\t"), 0,
            "tab: 3 fields on 2 of 2 records; comma: 1 field in header; semicolon: 1 field in header"
        ),
        // csvkit test_locale.csv: "a,b,c\n\"1,7\",\"200.000.000\",\n" — decimal comma inside quotes
        (
            "test_locale.csv", UInt8(ascii: ","), 0,
            "comma: 3 fields on 2 of 2 records; semicolon: 1 field in header; tab: 1 field in header"
        ),
        // csvkit mac_newlines.csv: CR line ends and a quoted CR inside a field
        (
            "mac_newlines.csv", UInt8(ascii: ","), 0,
            "comma: 3 fields on 3 of 3 records; semicolon: 1 field in header; tab: 1 field in header"
        ),
        // commons-csv CSV-213: "\"CHANELID\";\"ADDRESS\"\n\"27\";\"\"\n"
        (
            "CSV-213-999751170.patch.csv", UInt8(ascii: ";"), 0,
            "semicolon: 2 fields on 2 of 2 records; comma: 1 field in header; tab: 1 field in header"
        ),
        // "sep=;\r\n" then a decimal-comma body
        ("excel_sep_line.csv", UInt8(ascii: ";"), 7, "Excel sep= line names semicolon"),
        // Quoted commas in the header and decimal commas in the data: comma splits every record
        // into 2, semicolon into 3; the tie goes to more fields.
        (
            "mangled_semicolon_decimal_comma.csv", UInt8(ascii: ";"), 0,
            "semicolon: 3 fields on 4 of 4 records; comma: 2 fields on 4 of 4 records; tab: 1 field in header"
        ),
    ])
    func fixtures(name: String, delimiter: UInt8, skip: Int, evidence: String) throws {
        let dot = try #require(name.lastIndex(of: "."))
        let url = try #require(
            Bundle.module.url(
                forResource: String(name[..<dot]), withExtension: String(name[name.index(after: dot)...]),
                subdirectory: "Fixtures/dialect"))
        let bytes = Array(try Data(contentsOf: url))
        let result = bytes.withUnsafeBytes { DelimiterDetector.detect(sample: $0) }
        #expect(result == DelimiterDetection(delimiter: delimiter, skipPrefixBytes: skip, evidence: evidence))
    }

    @Test(arguments: [
        ("id;score\n1;3,5\n2;4,0\n", UInt8(ascii: ";")),  // decimal commas, plain header
        ("\"a;b\",c\n1,2\n", UInt8(ascii: ",")),  // semicolon only inside quotes
        ("a,b\n\"x\ny\",2\n3,4\n", UInt8(ascii: ",")),  // quoted field spans lines
        ("q1;q2;comment\n1;2;\"fine, thanks\"\n3;4;ok\n", UInt8(ascii: ";")),
        ("a\tb\n\"x,y\"\t2\n", UInt8(ascii: "\t")),
        ("a,b;c\n1,2;3\n", UInt8(ascii: ",")),  // full tie: earlier candidate
        ("sep=|\nx|y\n", UInt8(ascii: "|")),  // any byte an Excel line names
        ("a,b,c", UInt8(ascii: ",")),  // a cut-short header alone still counts
    ])
    func ownCases(text: String, delimiter: UInt8) {
        #expect(detect(text).delimiter == delimiter)
    }

    @Test func oneColumnFallsBackToComma() {
        #expect(
            detect("name\nAnn\n")
                == DelimiterDetection(
                    delimiter: UInt8(ascii: ","), skipPrefixBytes: 0,
                    evidence: "no candidate splits the header; one column, comma assumed "
                        + "(comma: 1 field in header; semicolon: 1 field in header; tab: 1 field in header)"))
        #expect(detect("").delimiter == UInt8(ascii: ","))
    }

    @Test func incompleteLastRecordCountsOnlyForAWholeFile() {
        #expect(detect("a;b\n1;2\n3").evidence.hasPrefix("semicolon: 2 fields on 2 of 2 records"))
        #expect(detect("a;b\n1;2\n3", wholeFile: true).evidence.hasPrefix("semicolon: 2 fields on 2 of 3 records"))
    }

    @Test func mostConsistentCandidateWins() {
        // Header splits 2 ways on both; data agrees with semicolon on 3 of 4 records, comma on 2.
        let text = "a,b;c;d\n1;2;3\n4;5;6\n7,8\n"
        // comma: header 2 fields, records 1,1,2 -> 2 of 4; semicolon: header 3, records 3,3,1 -> 3 of 4.
        #expect(
            detect(text)
                == DelimiterDetection(
                    delimiter: UInt8(ascii: ";"), skipPrefixBytes: 0,
                    evidence:
                        "semicolon: 3 fields on 3 of 4 records; comma: 2 fields on 2 of 4 records; tab: 1 field in header"
                ))
    }

    @Test(arguments: [("sep=;\n", 6), ("sep=;", 5), ("sep=\t\r\n", 7)])
    func excelSeparatorLineLengths(text: String, length: Int) {
        #expect(detect(text).skipPrefixBytes == length)
    }

    @Test(arguments: ["sep=;x\n", "sep=\"\n", "Sep=;\n"])
    func notAnExcelSeparatorLine(text: String) {
        #expect(detect(text).skipPrefixBytes == 0)
    }
}
