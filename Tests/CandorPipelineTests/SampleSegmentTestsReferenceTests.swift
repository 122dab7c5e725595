import Foundation
import Testing

/// The committed sample reports' share segment tests, recomputed by scipy and statsmodels:
/// Fisher's exact test where an expected count is under 5, the pooled z-test otherwise, and
/// Benjamini–Hochberg adjusted p-values within each table
/// (`python3 Tests/CandorPipelineTests/Reference/segment_tests.py Reports/bad-boss/bad-boss.json`).
/// Skipped, with a note, where python3 lacks scipy or statsmodels.
@Suite struct SampleSegmentTestsReferenceTests {
    static let script = SampleReportsTests.packageRoot.appendingPathComponent(
        "Tests/CandorPipelineTests/Reference/segment_tests.py")

    static let isAvailable: Bool = (try? run(["-c", "import scipy, statsmodels"]).status) == 0

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: ["bad-boss", "bad-boss-qualtrics", "bad-boss-google-forms"])
    func shareRowsAgreeWithScipy(pipeline: String) throws {
        guard Self.isAvailable else {
            print("skipped: python3 with scipy and statsmodels is not installed")
            return
        }
        let report = SampleReportsTests.packageRoot.appendingPathComponent("Reports/\(pipeline)/\(pipeline).json")
        let result = try Self.run([Self.script.path, report.path])
        #expect(result.status == 0, "\(result.output)")
        // Every department and role row of three share metrics is shown and tested.
        #expect(result.output.hasSuffix("rows checked: 39\n"), "\(result.output)")
    }
}
