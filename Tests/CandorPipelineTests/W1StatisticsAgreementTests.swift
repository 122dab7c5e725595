import CandorPipeline
import Foundation
import Logging
import Testing

/// W1's statistics through the whole pipeline (CSV → ingest → clean → aggregate → JSON report)
/// equal the C reference's to the sixth decimal, on a dirty file from the benchmark generator.
@Test(
    "bench-w1.yml's report equals c_libcsv_w1 on a dirty generated file",
    .enabled(
        if: BenchTools.canBuildReference,
        "python3, cc, libcsv-dev or ../shared/bench (generator, peers/c_libcsv_w1.c) is missing"))
func w1StatisticsAgreeWithReference() throws {
    let folder = ScratchFolder()
    let reference = folder.file("c_libcsv_w1")
    try BenchTools.run(
        try #require(BenchTools.find("cc")), ["-O2", "-o", reference, BenchTools.referenceSource, "-lcsv", "-lm"])
    let input = try BenchTools.generate(rows: 20_000, seed: 11, in: folder)
    let expected = try #require(
        try JSONSerialization.jsonObject(with: Data(BenchTools.run(reference, [input]).utf8)) as? [String: Any])

    let definition = try DefinitionLoader.load(path: BenchTools.benchW1)
    let outcome = PipelineRunner.run(
        RunRequest(definition: definition, inputOverride: [input], outputOverride: folder.file("out")),
        logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    #expect(outcome.status == .success, "\(outcome.message ?? "")")
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("out/bench-w1.json")))
    let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let metrics = Dictionary(
        uniqueKeysWithValues: (report["metrics"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) })
    let accounting = try #require(report["accounting"] as? [String: Any])

    func six(_ value: Any?) -> String { (value as? Double).map { String(format: "%.6f", $0) } ?? "missing" }
    #expect(accounting["accepted"] as? Int == expected["rows_valid"] as? Int)
    #expect(accounting["rejected"] as? Int == expected["rows_invalid"] as? Int)
    for key in ["share_any_bad_boss", "share_left_because_of_manager", "wrong_pick_share"] {
        #expect(six(metrics[key]?["value"]) == six(expected[key]), "\(key)")
    }
    // A variance share's primary figure is ICC(1); W1's eta squared is in its detail.
    let eta = (metrics["eta_squared_manager"]?["detail"] as? [String: Any])?["eta_squared"]
    #expect(six(eta) == six(expected["eta_squared_manager"]))
    #expect(metrics["wrong_pick_share"]?["n"] as? Int == expected["managers_n"] as? Int)
    // eNPS is reported in points with two decimals.
    #expect(
        String(format: "%.2f", metrics["enps"]?["value"] as? Double ?? .nan)
            == String(format: "%.2f", expected["enps"] as? Double ?? .nan))

    let typeDetail = metrics["bad_boss_type_share"]?["detail"] as? [String: Any]
    let options = Dictionary(
        uniqueKeysWithValues: (typeDetail?["options"] as? [[String: Any]] ?? []).map {
            ($0["label"] as? String ?? "", $0["value"])
        })
    let expectedTypes = try #require(expected["bad_boss_type_share"] as? [String: Double])
    #expect(!expectedTypes.isEmpty)
    for (type, share) in expectedTypes { #expect(six(options[type] ?? nil) == six(share), "\(type)") }

    let likertDetail = metrics["favourable_share"]?["detail"] as? [String: Any]
    let items = Dictionary(
        uniqueKeysWithValues: (likertDetail?["items"] as? [[String: Any]] ?? []).map {
            ($0["label"] as? String ?? "", ($0["favourable"] as? [String: Any])?["value"])
        })
    let expectedItems = try #require(expected["favourable_share"] as? [String: Double])
    #expect(expectedItems.count == 12)
    for (item, share) in expectedItems { #expect(six(items[item] ?? nil) == six(share), "\(item)") }

    let segments = report["segments"] as? [[String: Any]] ?? []
    let departments = try #require(segments.first { $0["metric_id"] as? String == "favourable_share" })
    let rows = Dictionary(
        uniqueKeysWithValues: (departments["rows"] as? [[String: Any]] ?? []).map {
            (($0["labels"] as? [String])?.first ?? "", $0)
        })
    let expectedDepartments = try #require(expected["departments"] as? [String: [String: Any]])
    #expect(expectedDepartments.count == 8)
    for (department, figures) in expectedDepartments {
        #expect(rows[department]?["n"] as? Int == figures["n"] as? Int, "\(department)")
        #expect(six(rows[department]?["value"]) == six(figures["favourable_share"]), "\(department)")
    }
}
