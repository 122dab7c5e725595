import Testing

@testable import CandorReport

/// Number text, bars, escaping and template parsing, with expected values worked out by hand.
@Suite struct FormattingTests {
    @Test(
        arguments: [
            (99.5, 1, false, false, "99.5"),
            (2.5, 0, false, false, "3"),  // half away from zero
            (-2.5, 0, false, false, "-3"),
            (-0.04, 1, false, false, "0.0"),  // no negative zero
            (1_234_567.891, 2, true, false, "1,234,567.89"),
            (0.5, 6, false, true, "0.5"),
            (12, 2, false, true, "12"),
            (0.0004, 6, false, true, "0.0004"),
            (0.0000004, 6, false, true, "0"),
            (0.9891344085810173, 6, false, true, "0.989134"),
            (7.2, 2, false, false, "7.20"),
        ] as [(Double, Int, Bool, Bool, String)])
    func fixed(_ value: Double, _ places: Int, _ grouping: Bool, _ trim: Bool, _ expected: String) {
        #expect(DecimalText.fixed(value, places: places, grouping: grouping, trimZeros: trim) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e20])
    func notAFigure(_ value: Double) {
        #expect(DecimalText.fixed(value, places: 2) == nil)
        #expect(FigureText.percent(value) == "—")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-1_200, "-1,200")])
    func integer(_ value: Int, _ expected: String) {
        #expect(DecimalText.integer(value) == expected)
    }

    @Test func figureText() {
        #expect(FigureText.percent(0.9891344085810173) == "98.9%")
        #expect(FigureText.percent(0.0) == "0.0%")
        #expect(FigureText.signedPoints(12) == "+12")
        #expect(FigureText.signedPoints(-3.4) == "-3")
        #expect(FigureText.signedPoints(0.2) == "0")
        #expect(FigureText.interval(low: 7.2, high: 16.8, unit: .points) == "+7 to +17")
        #expect(FigureText.interval(low: -0.12, high: 0.35, unit: .coefficient) == "-0.12 to 0.35")
        #expect(FigureText.difference(-0.245, unit: .fraction) == "-24.5 pts")
        #expect(FigureText.pValue(0.0004) == "< 0.001")
        #expect(FigureText.pValue(0.0496) == "0.050")
        #expect(FigureText.count(1_194.0) == "1,194")
        #expect(FigureText.count(1_194.26) == "1,194.3")
    }

    @Test(
        arguments: [
            (0.0, ""), (1.0, String(repeating: "█", count: 20)), (0.5, String(repeating: "█", count: 10)),
            (0.62, String(repeating: "█", count: 12) + "▍"),  // 99.2 eighths → 99 = 12×8 + 3
            (0.005, "▏"),  // 0.8 eighths → 1
            (0.003, ""),  // 0.48 eighths → 0
            (1.5, String(repeating: "█", count: 20)), (-1.0, ""), (Double.nan, ""),
        ] as [(Double, String)])
    func bar(_ fraction: Double, _ expected: String) {
        #expect(TextBar.bar(fraction) == expected)
    }

    @Test(
        arguments: [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a|b", "a\\|b"),
            ("**bold**", "\\*\\*bold\\*\\*"),
            ("line\nbreak", "line break"),
            ("crlf\r\nnext", "crlf next"),
            ("cr\rlf\n\nx", "cr lf  x"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("`tick`", "\\`tick\\`"),
            ("back\\slash", "back\\\\slash"),
            ("# h", "\\# h"),
            ("AT&T", "AT&amp;T"),
            ("snake_case", "snake\\_case"),
            ("~~gone~~", "\\~\\~gone\\~\\~"),
            ("nul\u{0}esc\u{1B}", "nul esc "),
            ("Plain text, 99% (ok)", "Plain text, 99% (ok)"),
            ("Café — 5–7", "Café — 5–7"),
        ] as [(String, String)])
    func escape(_ raw: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(raw) == expected)
    }

    @Test func templateParsing() {
        let template = HeadlineTemplate("{share} of {x} {n}{label")
        #expect(template.pieces == [.placeholder(.share), .text(" of {x} "), .placeholder(.n), .text("{label")])
        #expect(HeadlineTemplate("").pieces.isEmpty)
    }
}
