import CandorPipeline
import Foundation
import Logging
import Testing

/// On every sample pipeline, each tidy-CSV row equals the JSON report's figure it names, and the
/// workbook (read back with openpyxl) holds the same numbers unrounded.
///
/// The JSON is parsed with Foundation and each row is looked up by its own columns (metric id,
/// measure, segment, group), so a row pointing at the wrong figure fails.
@Suite("The tidy CSV and the workbook agree with the JSON report")
struct TidyCSVAgreementTests {
    /// One folder's reports of a sample run: the main one, or a group's (`output.per_group`).
    struct ReportSet {
        /// The folder, relative to the run's output folder (empty for the main reports).
        var folder: String
        var json: [String: Any]
        var csv: [[String: String]]
        var workbook: URL
    }

    /// A run of a sample pipeline writing JSON, CSV and the workbook into a scratch folder.
    struct SampleRun {
        /// The main reports first, then each group's.
        var reports: [ReportSet]
        var scratch: ScratchFolder
    }

    static func run(_ pipeline: String) throws -> SampleRun {
        let path = SampleReportsTests.packageRoot.appendingPathComponent("Pipelines/\(pipeline).yml").path
        let definition = try DefinitionLoader.load(path: path)
        let scratch = ScratchFolder()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition, outputOverride: scratch.url.path, addedFormats: [.json, .csv, .xlsx]),
            logger: logger)
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let name = definition.name
        let folders = SampleReportsTests.reportFiles(in: scratch.url).filter { $0.hasSuffix("/\(name).json") }.map {
            String($0.dropLast("/\(name).json".count))
        }
        var reports: [ReportSet] = []
        for folder in [""] + folders {
            let url = folder.isEmpty ? scratch.url : scratch.url.appendingPathComponent(folder)
            let jsonData = try Data(contentsOf: url.appendingPathComponent("\(name).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
            let csvText = try String(contentsOf: url.appendingPathComponent("\(name).csv"), encoding: .utf8)
            reports.append(
                ReportSet(
                    folder: folder, json: json, csv: try CSVTestParser.records(csvText),
                    workbook: url.appendingPathComponent("\(name).xlsx")))
        }
        // The engagement sample's eight departments each have their own reports.
        #expect(reports.count == (pipeline == "engagement" ? 9 : 1))
        return SampleRun(reports: reports, scratch: scratch)
    }

    @Test("every CSV row equals its JSON figure", arguments: SampleReportsTests.samplePipelines)
    func csvEqualsJSON(pipeline: String) throws {
        for run in try Self.run(pipeline).reports {
            try Self.checkCSV(run)
        }
    }

    /// Each CSV row of one folder's reports against its JSON.
    static func checkCSV(_ run: ReportSet) throws {
        #expect(run.csv.count > 10, "\(run.folder)")
        for row in run.csv {
            let figure = try #require(JSONFigureLookup.figure(for: row, in: run.json), "no JSON figure for \(row)")
            #expect(row["pipeline"] == (run.json["pipeline"] as? [String: Any])?["name"] as? String)
            #expect(row["wave"] == "current")
            for (column, key) in [("value", "value"), ("count", "count"), ("n", "n"), ("p_value", "p_value")] {
                #expect(Self.number(row[column]) == figure[key] as? Double, "\(column) of \(row)")
            }
            let interval = figure["ci"] as? [String: Any]
            #expect(Self.number(row["ci_low"]) == interval?["low"] as? Double, "ci_low of \(row)")
            #expect(Self.number(row["ci_high"]) == interval?["high"] as? Double, "ci_high of \(row)")
            #expect(row["suppressed"] == String(figure["suppressed"] as? Bool ?? false), "\(row)")
            #expect(row["unreliable"] == String(figure["unreliable"] as? Bool ?? false), "\(row)")
            if row["segment"] != "" {
                #expect(Self.number(row["difference"]) == figure["difference"] as? Double, "difference of \(row)")
            }
        }
    }

    /// Whether python3 with openpyxl is on PATH (`scripts/ensure-deps --test` installs it).
    static let openpyxlAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openpyxl"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(
        "openpyxl reads each metric sheet with the CSV's numbers, unrounded",
        .enabled(if: openpyxlAvailable, "python3 with openpyxl is missing (scripts/ensure-deps --test installs it)"),
        arguments: SampleReportsTests.samplePipelines)
    func workbookEqualsCSV(pipeline: String) throws {
        let sample = try Self.run(pipeline)
        for run in sample.reports {
            try Self.checkWorkbook(run, scratch: sample.scratch)
        }
    }

    /// One folder's workbook, read back with openpyxl, against its CSV.
    static func checkWorkbook(_ run: ReportSet, scratch: ScratchFolder) throws {
        let script = SampleReportsTests.packageRoot.appendingPathComponent(
            "Tests/CandorReportTests/Scripts/dump_workbook.py")
        let output = scratch.url.appendingPathComponent("dump.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, run.workbook.path]
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let dump = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let sheets = dump["sheets"] as? [[String: Any]] ?? []
        let metricIDs = (run.json["metrics"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(sheets.compactMap { $0["name"] as? String } == ["Headlines"] + metricIDs + ["Data quality", "Methods"])
        for metricID in metricIDs {
            let sheet = try #require(sheets.first { $0["name"] as? String == metricID })
            let cells = sheet["cells"] as? [String: [String: Any]] ?? [:]
            let rows = run.csv.filter { $0["metric_id"] == metricID }
            for (offset, row) in rows.enumerated() {
                let line = offset + 3
                // The workbook names items by their question text where the CSV keeps field names.
                let measure = (cells["A\(line)"]?["value"] as? String)?.split(separator: ":").first
                #expect(measure == row["measure"]?.split(separator: ":").first, "\(metricID) row \(line)")
                let stored = cells["D\(line)"]?["value"] as? Double
                guard let written = Self.number(row["value"]) else {
                    #expect(stored == nil, "\(metricID) row \(line): hidden in the CSV, shown in the workbook")
                    continue
                }
                // The CSV rounds to 6 decimals (2 for points); the workbook keeps every digit.
                let stored2 = try #require(stored, "\(metricID) row \(line) has no number")
                #expect(abs(stored2 - written) <= 0.005, "\(metricID) row \(line)")
                if row["metric_kind"] != "nps" || row["measure"] != "primary" {
                    #expect(abs(stored2 - written) <= 5e-7, "\(metricID) row \(line)")
                }
            }
        }
    }

    /// An empty cell is absent; anything else must be a plain number.
    static func number(_ cell: String?) -> Double? {
        guard let cell, !cell.isEmpty else { return nil }
        return Double(cell)
    }
}
