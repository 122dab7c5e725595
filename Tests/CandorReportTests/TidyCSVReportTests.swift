import CandorAggregate
import Testing

@testable import CandorReport

/// The tidy CSV: one row per published figure, numbers as the JSON writes them, text cells
/// formula-safe. Expected rows are worked out by hand from ReportFixtures' inputs.
@Suite("Tidy CSV")
struct TidyCSVReportTests {
    static func lines(_ document: ReportDocument) -> [String] {
        TidyCSVReport.render(document).components(separatedBy: "\r\n")
    }

    @Test("the header names the columns in order")
    func header() {
        #expect(
            Self.lines(ReportFixtures.document())[0]
                == "pipeline,wave,metric_id,metric_kind,measure,segment,group,value,count,n,ci_low,ci_high,suppressed,"
                + "unreliable,p_value,difference")
    }

    @Test("one row per figure, hidden figures without numbers")
    func rows() {
        let lines = Self.lines(ReportFixtures.document())
        // any_bad_boss: overall, 5 department rows; enps: overall + 3 buckets; boss_types:
        // overall + 3 options + at least one; then the empty line after the last CRLF.
        #expect(lines.count == 1 + 6 + 4 + 5 + 1)
        #expect(lines.last == "")
        // 1,194 of 1,200; Wilson (0.9891344085810173, 0.9977065008222751) to 6 decimals.
        #expect(
            lines[1]
                == "bad-boss-2026,current,any_bad_boss,share,primary,,,0.995,1194,1200,0.989134,0.997707,false,false,,")
        // Field ops: 6 of 8, (0.40927543031016883, 0.9285207872478909), p 0.0004, 0.75 − 0.995 = −0.245.
        #expect(
            lines[4]
                == "bad-boss-2026,current,any_bad_boss,share,primary,department,Field ops,0.75,6,8,0.409275,0.928521,false,"
                + "true,0.0004,-0.245")
        #expect(lines[5] == "bad-boss-2026,current,any_bad_boss,share,primary,department,Legal,,,,,,true,false,,")
        // eNPS +12 points, interval 7.2–16.8, no count.
        #expect(lines[7] == "bad-boss-2026,current,enps,nps,primary,,,12,,1200,7.2,16.8,false,false,,")
        #expect(lines[8] == "bad-boss-2026,current,enps,nps,promoters,,,0.35,420,1200,0.323531,0.377426,false,false,,")
        #expect(
            lines[12].hasPrefix("bad-boss-2026,current,boss_types,multiselect,option:Micromanager,,,0.62,744,1200,"))
    }

    @Test("a pair's segment and group join fields with + and labels with |")
    func pairs() {
        var document = ReportFixtures.document()
        document.metrics = [ReportFixtures.anyBadBoss()]
        document.metrics[0].segments[0].fields = ["department", "site"]
        document.metrics[0].segments[0].rows[0].labels = ["Engineering", "Leeds"]
        #expect(Self.lines(document)[2].contains(",department+site,Engineering | Leeds,0.995,597,600,"))
    }

    @Test("text cells are formula-safe; numbers are not prefixed")
    func formulaSafety() {
        var document = ReportFixtures.document()
        document.pipeline.name = "=HYPERLINK(\"x\")"
        document.metrics = [ReportFixtures.anyBadBoss(departments: ["=1+1", "@SUM(A1)", "a,b", "-x", "+y"])]
        let lines = Self.lines(document)
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"x\"\")\",current,"))
        #expect(lines[2].contains(",department,'=1+1,0.995,"))
        #expect(lines[3].contains(",department,'@SUM(A1),"))
        #expect(lines[4].contains(",department,\"a,b\",0.75,6,8,"))
        #expect(lines[4].hasSuffix(",0.0004,-0.245"))
        #expect(lines[5].contains(",department,'-x,,"))
        #expect(lines[6].contains(",department,'+y,,"))
    }

    @Test("the wave hook labels every row")
    func wave() {
        let lines = Self.lines(ReportFixtures.document())
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("bad-boss-2026,current,") })
        let waved = TidyCSVReport.render(ReportFixtures.document(), wave: "2026-Q1").components(separatedBy: "\r\n")
        #expect(waved[1].hasPrefix("bad-boss-2026,2026-Q1,"))
    }
}
