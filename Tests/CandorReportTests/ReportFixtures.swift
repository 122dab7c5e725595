import CandorAggregate
import CandorCore
import Foundation

@testable import CandorClean
@testable import CandorReport

/// Hand-built documents for the report tests. Intervals are Wilson 95% intervals from
/// statsmodels, e.g. for 1,194 of 1,200:
/// `python3 -c "from statsmodels.stats.proportion import proportion_confint as p; print(p(1194,1200,method='wilson'))"`
/// → (0.9891344085810173, 0.9977065008222751).
enum ReportFixtures {
    static let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    /// A wilson interval, spelled out so the numbers beside each call are visible.
    static func ci(_ low: Double, _ high: Double) -> Interval { Interval(low: low, high: high, method: .wilson) }

    /// Read 1,250 = accepted 1,200 + rejected 30 (20 duplicate ids, 10 invalid values)
    /// + excluded 20 (filter "finished").
    static func accounting(filter: String = "finished", blankField: String = "q01") -> CleanAccounting {
        var accounting = CleanAccounting()
        accounting.read = 1_250
        accounting.accepted = 1_200
        accounting.rejectedByReason = [.duplicateID: 20, .invalidValue: 10]
        accounting.excludedByFilter = [filter: 20]
        accounting.blanks = [blankField: 3]
        accounting.nonAnswers = [blankField: 5]
        accounting.invalidAsMissing = ["enps": 2]
        accounting.straightLining = ["engagement": (flagged: 12, answeredAll: 1_150)]
        accounting.perInput = [
            "../SampleData/bad-boss.csv": .init(read: 1_250, accepted: 1_200, rejected: 30, excluded: 20)
        ]
        return accounting
    }

    /// 1,194 of 1,200 had a bad boss; by department with one unreliable row (6 of 8), one group
    /// under the threshold (Legal, 3) and one hidden to protect it (Support, 17).
    static func anyBadBoss(
        label: String = "Had one or more types of bad boss",
        departments: [String] = ["Engineering", "Sales", "Field ops", "Legal", "Support"], field: String = "department"
    ) -> MetricResult {
        let rows = [
            // 597/600; (0.9854037936547143, 0.9982981223417221); difference 0.995 − 0.995 = 0
            SegmentRow(
                labels: [departments[0]],
                figure: Figure(value: 0.995, count: 597, n: 600, interval: ci(0.9854037936547143, 0.9982981223417221)),
                difference: 0, pValue: 0.93, significant: false),
            // 571/572 = 0.9982517482517482; (0.9901644623425897, 0.9996913239485582)
            SegmentRow(
                labels: [departments[1]],
                figure: Figure(
                    value: 571.0 / 572.0, count: 571, n: 572, interval: ci(0.9901644623425897, 0.9996913239485582)),
                difference: 571.0 / 572.0 - 0.995, pValue: 0.31, significant: false),
            // 6/8 = 0.75; (0.40927543031016883, 0.9285207872478909): width 0.519 > 0.30, unreliable
            SegmentRow(
                labels: [departments[2]],
                figure: Figure(
                    value: 0.75, count: 6, n: 8, interval: ci(0.40927543031016883, 0.9285207872478909), unreliable: true
                ),
                difference: 0.75 - 0.995, pValue: 0.0004, significant: true),
            SegmentRow(labels: [departments[3]], figure: Figure(value: 1, count: 3, n: 3).hidden("below_threshold")),
            SegmentRow(labels: [departments[4]], figure: Figure(value: 1, count: 17, n: 17).hidden("complementary")),
        ]
        return MetricResult(
            id: "any_bad_boss", label: label, kind: ShareMetric.self,
            overall: Figure(value: 0.995, count: 1_194, n: 1_200, interval: ci(0.9891344085810173, 0.9977065008222751)),
            detail: .summary(definition: "bad_boss_types is any of Micromanager, Absentee, Bully"),
            segments: [
                SegmentTable(
                    name: field, fields: [field], rows: rows,
                    test: "two-proportion z-test against the rest of the respondents, 5% level")
            ])
    }

    /// eNPS: 420 promoters, 504 passives, 276 detractors of 1,200: 35% − 23% = +12.
    static func enps() -> MetricResult {
        MetricResult(
            id: "enps", label: "Employee Net Promoter Score", kind: NPSMetric.self,
            overall: Figure(value: 12, n: 1_200, interval: ci(7.2, 16.8)),
            detail: .nps(
                // (0.3235308905725719, 0.37742640960824847)
                promoters: Figure(
                    value: 0.35, count: 420, n: 1_200, interval: ci(0.3235308905725719, 0.37742640960824847)),
                // (0.3923735133407583, 0.4481370467556791)
                passives: Figure(
                    value: 0.42, count: 504, n: 1_200, interval: ci(0.3923735133407583, 0.4481370467556791)),
                // (0.20707357928730558, 0.25464956103817127)
                detractors: Figure(
                    value: 0.23, count: 276, n: 1_200, interval: ci(0.20707357928730558, 0.25464956103817127))))
    }

    /// Bad-boss types chosen by 1,200 respondents.
    static func bossTypes(options: [String] = ["Micromanager", "Absentee", "None of these"]) -> MetricResult {
        let atLeastOne = Figure(
            value: 0.995, count: 1_194, n: 1_200, interval: ci(0.9891344085810173, 0.9977065008222751))
        return MetricResult(
            id: "boss_types", label: "Types of bad boss", kind: MultiselectMetric.self, overall: atLeastOne,
            detail: .multiselect(
                options: [
                    // 744/1200; (0.5921954393898385, 0.647038720465505)
                    OptionFigure(
                        label: options[0],
                        figure: Figure(
                            value: 0.62, count: 744, n: 1_200, interval: ci(0.5921954393898385, 0.647038720465505)),
                        isNoneOption: false),
                    // 492/1200; (0.3825025625791685, 0.43807181752932367)
                    OptionFigure(
                        label: options[1],
                        figure: Figure(
                            value: 0.41, count: 492, n: 1_200, interval: ci(0.3825025625791685, 0.43807181752932367)),
                        isNoneOption: false),
                    // 6/1200; (0.0022934991777249147, 0.010865591418982662)
                    OptionFigure(
                        label: options[2],
                        figure: Figure(
                            value: 0.005, count: 6, n: 1_200, interval: ci(0.0022934991777249147, 0.010865591418982662)),
                        isNoneOption: true),
                ],
                atLeastOne: atLeastOne, meanChosen: 1.03))
    }

    static let methods = ReportMethods(
        minGroupSize: 5, maxIntervalWidth: 0.30,
        favourableRules: [
            "agree5: Agree or Strongly agree (4–5) favourable; Strongly disagree or Disagree (1–2) unfavourable"
        ],
        segmentTests: ["two-proportion z-test against the rest of the respondents, 5% level"])

    /// The document most tests use.
    static func document() -> ReportDocument {
        ReportDocument(
            pipeline: ReportPipeline(name: "bad-boss-2026", title: "Bad bosses, 2026", definitionSHA256: sha),
            inputs: [ReportInput(path: "../SampleData/bad-boss.csv", bytes: 123_456, sha256: sha, records: 1_250)],
            accounting: accounting(),
            headlines: [
                .metric(
                    metricID: "any_bad_boss", template: "{share} of respondents have had one or more types of bad boss"),
                .metric(metricID: "enps", template: "{value} is the employee Net Promoter Score"),
                .outsideEstimate(
                    text: "Companies pick the wrong manager 82% of the time",
                    source: "Gallup, State of the American Manager (2015)"),
            ],
            metrics: [anyBadBoss(), enps(), bossTypes()],
            methods: methods,
            freeTextNote: "Free-text answers are not quoted.")
    }

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

/// Runs an external program for the tests that check output with real tools.
enum ExternalTool {
    /// Debian's GitHub-flavoured Markdown renderer.
    static let cmarkGFM = "/usr/bin/cmark-gfm"
    /// The result of a run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`; output goes through temporary files so no pipe can
    /// fill up and stall the child.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        try withTemporaryFile(named: "stdout", contents: "") { outURL in
            try withTemporaryFile(named: "stderr", contents: "") { errURL in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = try FileHandle(forWritingTo: outURL)
                process.standardError = try FileHandle(forWritingTo: errURL)
                try process.run()
                process.waitUntilExit()
                return Result(
                    status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
                    stderr: try String(contentsOf: errURL, encoding: .utf8))
            }
        }
    }

    /// Writes `contents` to a new file in the temporary directory, passes its URL to `body`, and
    /// removes the file when `body` returns or throws.
    static func withTemporaryFile<T>(named name: String, contents: String, _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-report-\(UUID().uuidString)-\(name)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(contents.utf8).write(to: url)
        return try body(url)
    }

    /// Whether `path` is an executable file.
    static func exists(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }
}
