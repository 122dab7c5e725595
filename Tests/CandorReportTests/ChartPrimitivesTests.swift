@testable import CandorCharts
import Testing

/// The chart module's building blocks: the one escaping function, numbers in SVG, and the
/// palette's contrast.
@Suite struct ChartPrimitivesTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"onload=alert(1)", "&quot;onload=alert(1)"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("it's", "it&#39;s"),
        ("&amp;", "&amp;amp;"),
        ("nul\u{0}esc\u{1B}", "nul\u{FFFD}esc\u{FFFD}"),
        // Not allowed in XML 1.0 (the workbook's parts share this escaping), nor C1 controls in HTML.
        ("x\u{FFFE}y\u{FFFF}z\u{85}", "x\u{FFFD}y\u{FFFD}z\u{FFFD}"),
        ("tab\tline\nok", "tab\tline\nok"),
        ("Zürich – 東京", "Zürich – 東京"),
    ])
    func escapeMakesValuesText(raw: String, escaped: String) {
        #expect(Markup.escape(raw) == escaped)
    }

    /// An attribute value cannot close its quotes, and text cannot open a tag.
    @Test func hostileValuesStayInsideTheirAttributeAndElement() {
        let node = Markup.node("p", ["title": "\" onload=\"alert(1)"], text: "<script>x</script>")
        #expect(node.rendered == "<p title=\"&quot; onload=&quot;alert(1)\">&lt;script&gt;x&lt;/script&gt;</p>\n")
    }

    @Test(arguments: [
        (12.5, "12.5"), (3.0, "3"), (0.25, "0.25"), (-0.5, "-0.5"), (-1.5, "-1.5"), (2.999, "3"), (0.05, "0.05"),
    ])
    func coordinatesHaveAtMostTwoDecimals(value: Double, text: String) {
        #expect(ChartFrame.number(value) == text)
    }

    /// WCAG 2 contrast ratios, worked out independently:
    /// `python3 -c "def lin(c): c/=255; return c/12.92 if c<=0.04045 else ((c+0.055)/1.055)**2.4 ..."`
    /// (relative luminance 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels) gives
    /// #2166AC on white 5.90, #B35806 on white 4.87, #757575 on white 4.61, #1F1F1F on white 16.48.
    @Test func paletteColoursThatCarryTextMeetAA() {
        let white = ChartPalette.paper
        #expect(abs(ChartPalette.favourable.contrast(with: white) - 5.90) < 0.01)
        #expect(abs(ChartPalette.unfavourable.contrast(with: white) - 4.87) < 0.01)
        #expect(abs(ChartPalette.muted.contrast(with: white) - 4.61) < 0.01)
        #expect(abs(ChartPalette.ink.contrast(with: white) - 16.48) < 0.01)
    }

    /// Every heatmap fill, from the most orange through white to the most blue, and every part
    /// of the eNPS split, gets a text colour that contrasts at least 4.5:1 with it. (On the full
    /// diverging scale this fails from about 80% of the way on: the reason `heat` stops at 70%.)
    @Test func textIsReadableOnEveryFill() {
        let fills =
            (-20...20).map { ChartPalette.heat(Double($0) / 20) } + [
                ChartPalette.favourable, ChartPalette.unfavourable, ChartPalette.neutral,
            ]
        for fill in fills {
            let ratio = fill.contrast(with: ChartPalette.text(on: fill))
            #expect(ratio >= 4.5, "fill \(fill.hex): contrast \(ratio)")
        }
    }

    @Test func divergingEndsAreThePaletteColours() {
        #expect(ChartPalette.diverging(-1) == ChartPalette.unfavourable)
        #expect(ChartPalette.diverging(1) == ChartPalette.favourable)
        #expect(ChartPalette.diverging(0) == ChartPalette.paper)
        // Half way from white (255, 255, 255) to (0x21, 0x66, 0xAC) = (33, 102, 172): 144, 178.5, 213.5,
        // rounded half away from zero: 144 = 0x90, 179 = 0xB3, 214 = 0xD6.
        #expect(ChartPalette.diverging(0.5).hex == "#90B3D6")
    }
}

/// Heatmap column headings wrap between words into two lines at most.
@Test(arguments: [
    ("Engaged employees", 18, ["Engaged employees"]),
    ("Favourable answers to the twelve engagement items", 18, ["Favourable answers", "to the twelve eng…"]),
    ("Employee Net Promoter Score", 18, ["Employee Net", "Promoter Score"]),
    ("Supercalifragilisticexpialidocious", 10, ["Supercali…"]),
])
func heatmapHeadingsWrap(heading: String, limit: Int, lines: [String]) {
    #expect(Heatmap.headingLines(heading, limit: limit) == lines)
}
