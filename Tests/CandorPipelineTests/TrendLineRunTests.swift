import CandorPipeline
import Foundation
import Logging
import Testing

/// The HTML report's trend line through the history: drawn from the same waves as the Markdown's
/// trend table, once a second wave exists, and absent for a first wave.
@Suite("The HTML trend line")
struct TrendLineRunTests {
    /// The SVG of every `<figure class="chart trend">` in `html`.
    static func trendFigures(_ html: String) -> [String] {
        html.components(separatedBy: "<figure class=\"chart trend\">").dropFirst().map {
            $0.components(separatedBy: "</figure>")[0]
        }
    }

    /// A coordinate as the chart writes it: two decimals at most, no trailing zeros.
    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The hand-made waves of `TwoWaveRunTests`: `happy` is yes for 4 + 6 of 20 in 2025-Q4
    /// (0.5) and 8 + 5 + 3 of 26 in 2026-Q1 (16/26 = 0.615384…). The only headline is `happy`,
    /// so it alone has a trend. The line's points: x from 40 to 40 + 640 (the chart's 720 units
    /// less 40 each side), y = 16 + 160 − 160·value on the 0–100% axis: 96 and
    /// 176 − 160·16/26 = 77.538… → 77.54; each value's label sits 12 units above its point.
    @Test func aSecondWaveDrawsTheHeadlinesTrend() throws {
        let scratch = ScratchFolder()
        try TwoWaveRunTests.run("2025-Q4", in: scratch)
        #expect(Self.trendFigures(try #require(scratch.read("out/waves.html"))).isEmpty)
        try TwoWaveRunTests.run("2026-Q1", in: scratch)
        let html = try #require(scratch.read("out/waves.html"))
        let figures = Self.trendFigures(html)
        #expect(figures.count == 1)
        let svg = try #require(figures.first)
        #expect(svg.contains("<title id=\"trend-1-title\">happy across waves</title>"))
        #expect(svg.contains("<desc id=\"trend-1-desc\">2025-Q4: 50.0%; 2026-Q1: 61.5%.</desc>"))
        #expect(svg.contains("d=\"M40,96 L680,77.54\""))
        #expect(svg.contains("cx=\"40\" cy=\"96\""))
        #expect(svg.contains("cx=\"680\" cy=\"77.54\""))
        #expect(svg.contains(">50.0%</text>") && svg.contains(">61.5%</text>"))
        // The table stays beside the chart: every wave with its figure and n.
        #expect(html.contains("<caption>happy across waves</caption>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">2025-Q4</th><td class=\"number\">50.0% †</td><td class=\"number\">20</td></tr>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">2026-Q1</th><td class=\"number\">61.5% †</td><td class=\"number\">26</td></tr>"))
    }

    /// The bad-boss sample in two waves: the whole sample export, then its first 600 records.
    /// Each headline's points come from the two single runs' JSON values on the 0–100% axis.
    @Test func twoWavesOfTheSampleDrawEachHeadlinesLine() throws {
        let root = SampleReportsTests.packageRoot
        let definition = try DefinitionLoader.load(path: root.appendingPathComponent("Pipelines/bad-boss.yml").path)
        let scratch = ScratchFolder()
        // The header and the first 600 records (the export has no line breaks inside quotes);
        // cut at bytes, as its lines end in CRLF, which Swift reads as one Character.
        let bytes = try Data(contentsOf: root.appendingPathComponent("SampleData/bad-boss.csv"))
        let ends = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        scratch.create("early.csv", String(decoding: bytes.prefix(through: ends[600]), as: UTF8.self))
        let logger = Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
        var values: [[String: Double]] = []
        for (wave, input) in [
            ("2025-Q4", root.appendingPathComponent("SampleData/bad-boss.csv").path),
            ("2026-Q1", scratch.file("early.csv")),
        ] {
            var request = RunRequest(
                definition: definition, inputOverride: [input], outputOverride: scratch.file("out"))
            request.waveOverride = wave
            let outcome = PipelineRunner.run(request, logger: logger)
            #expect(outcome.status == .success, "\(outcome.message ?? "")")
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: scratch.file("out/bad-boss.json"))))
                    as? [String: Any])
            var wanted: [String: Double] = [:]
            for metric in json["metrics"] as? [[String: Any]] ?? [] {
                if let id = metric["id"] as? String, let value = metric["value"] as? Double { wanted[id] = value }
            }
            values.append(wanted)
            if wave == "2025-Q4" {
                #expect(Self.trendFigures(try #require(scratch.read("out/bad-boss.html"))).isEmpty)
            }
        }
        let figures = Self.trendFigures(try #require(scratch.read("out/bad-boss.html")))
        // The three metric headlines, each in its metric's article.
        #expect(figures.count == 3)
        for (offset, id) in ["any_bad_boss", "left_for_manager", "wrong_pick"].enumerated() {
            let first = try #require(values[0][id])
            let second = try #require(values[1][id])
            #expect(first != second, "\(id): the two waves should differ")
            let path = "d=\"M40,\(Self.coordinate(176 - 160 * first)) L680,\(Self.coordinate(176 - 160 * second))\""
            #expect(figures.indices.contains(offset) && figures[offset].contains(path), "\(id): \(path)")
        }
    }
}
