import CandorCore
import CandorIngest
import Foundation
import Testing

@testable import CandorClean

/// Issue 20, default 3: a timestamp field without `formats` reads the dates its input's export
/// format writes. Before, it read ISO 8601 alone, so a Google Forms export lost every record.
///
/// Expected instants: python3 -c "import calendar; print(calendar.timegm((2026,3,2,9,14,22)),
///   calendar.timegm((2017,7,18,8,28,9)))" -> 1772442862 1500366489
struct ImpliedTimestampFormatTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CandorIngestTests/Fixtures/formats")

    /// Cleans `path` with the export format detected (`read.format: auto`) and one timestamp
    /// field, without formats, read from `column`.
    private static func clean(_ path: String, column: String) throws -> (
        format: ExportFormat, values: [Int64], rejections: [Rejection]
    ) {
        let schema = SurveySchema(fields: [field(column, .timestamp(formats: []))])
        let stream = try IngestStream(path: path, options: ReadOptions(delimiter: nil, format: nil))
        let cleaner = Cleaner(schema: schema)
        try cleaner.begin(input: path, layout: stream.layout)
        var responses = ResponseBatch(width: 1)
        var rejections: [Rejection] = []
        while let batch = try stream.next() {
            try cleaner.clean(batch, into: &responses) { rejections.append($0) }
        }
        let values = (0..<responses.count).compactMap { responses.integer($0, 0) }
        return (stream.layout.format, values, rejections)
    }

    @Test(
        arguments: [
            ("google_forms.csv", "Timestamp", ExportFormat.googleForms, Int64(1_772_442_862)),
            ("ms_forms.csv", "Start time", .msForms, 1_772_442_862),
            ("surveymonkey.csv", "Start Date", .surveymonkey, 1_772_442_862),
            ("qualtrics_sample.csv", "StartDate", .qualtrics, 1_500_366_489),
            ("qualtrics_sample_legacy.csv", "StartDate", .qualtrics, 1_500_366_489),
        ])
    func eachExportReadsItsOwnDates(file: String, column: String, format: ExportFormat, first: Int64) throws {
        let run = try Self.clean(Self.fixtures.appendingPathComponent(file).path, column: column)
        #expect(run.format == format)
        #expect(run.rejections.isEmpty)
        #expect(run.values.first == first)
    }

    /// Google Forms' own download writes `M/D/YYYY H:mm:ss`; a generic file with the same
    /// dates is refused, since day and month cannot be told apart there.
    @Test func googleFormsDatesAreReadOnlyInAGoogleFormsExport() throws {
        try CleanHarness.withInputs([
            "Timestamp,Q\n3/2/2026 9:14:22,x\n", "submitted,Q\n3/2/2026 9:14:22,x\n",
        ]) { paths in
            let forms = try Self.clean(paths[0], column: "Timestamp")
            #expect(forms.format == .googleForms)
            #expect(forms.values == [1_772_442_862])
            let generic = try Self.clean(paths[1], column: "submitted")
            #expect(generic.format == .generic)
            #expect(generic.values.isEmpty)
            #expect(
                generic.rejections.first?.message.hasSuffix(
                    ": column 1 (submitted): '3/2/2026 9:14:22' does not match the format(s) this export implies, iso8601; declare the field's formats"
                ) == true)
        }
    }

    @Test func theImpliedPatternsCompile() {
        for export in ExportFormat.allCases {
            #expect(TimestampFormat.implied(by: export).last == .iso8601)
        }
        #expect(TimestampFormat.impliedByAnyExport.count == 6)
    }
}
