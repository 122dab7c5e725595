import CandorClean
import CandorCore
import CandorIngest
import Foundation
import Testing

@testable import CandorPipeline

/// The benchmark's generator and C reference, found next to the package (`../shared/bench`).
enum BenchTools {
    static let benchFolder = URL(fileURLWithPath: DefinitionFiles.packageRoot).deletingLastPathComponent()
        .appendingPathComponent("shared/bench").standardizedFileURL.path
    static let generator = benchFolder + "/gen_survey.py"
    static let referenceSource = benchFolder + "/peers/c_libcsv_w1.c"
    static let benchW1 = DefinitionFiles.packageRoot + "/Benchmarks/bench-w1.yml"

    /// The absolute path of `tool` on `PATH`, if any.
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var canGenerate: Bool { find("python3") != nil && FileManager.default.fileExists(atPath: generator) }
    static var canBuildReference: Bool {
        canGenerate && find("cc") != nil && FileManager.default.fileExists(atPath: referenceSource)
            && FileManager.default.fileExists(atPath: "/usr/include/csv.h")
    }

    /// Runs `executable` with `arguments`; stdout goes to `output` when given, else is returned.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], output: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        var file: FileHandle?
        if let output {
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            file = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            process.standardOutput = file
        } else {
            process.standardOutput = pipe
        }
        try process.run()
        let data = output == nil ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        try file?.close()
        guard process.terminationStatus == 0 else {
            throw CocoaError(
                .executableLoad,
                userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) exited \(process.terminationStatus)"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes `gen_survey.py ROWS --dirty 0.05 [--seed S]` to a file in `folder`; returns its path.
    static func generate(rows: Int, seed: Int? = nil, in folder: ScratchFolder) throws -> String {
        let path = folder.file("survey-\(rows)-\(seed.map(String.init) ?? "unseeded").csv")
        let python = try #require(find("python3"))
        try run(
            python, [generator, String(rows), "--dirty", "0.05"] + (seed.map { ["--seed", String($0)] } ?? []),
            output: path)
        return path
    }

    /// Cleans `files` in order with bench-w1.yml's definition, as a run does.
    static func clean(_ files: [String]) throws -> CleanAccounting {
        let definition = try DefinitionLoader.load(path: benchW1)
        let cleaner = Cleaner(schema: definition.schema)
        var responses = ResponseBatch(width: definition.schema.fields.count)
        var rejected = 0
        for file in files {
            let stream = try IngestStream(path: file, options: definition.read)
            try cleaner.begin(input: file, layout: stream.layout)
            while let batch = try stream.next() {
                try cleaner.clean(batch, into: &responses) { _ in rejected += 1 }
                responses.removeAll()
            }
        }
        #expect(rejected == cleaner.accounting.rejected)
        return cleaner.accounting
    }
}

@Test(
    "accounting balances on the dirty benchmark file: read = accepted + rejected + excluded, per input too",
    .enabled(if: BenchTools.canGenerate, "python3 or ../shared/bench/gen_survey.py is missing"))
func accountingInvariant() throws {
    let folder = ScratchFolder()
    let main = try BenchTools.generate(rows: 20_000, in: folder)
    // A second input from another seed repeats the first one's ids (R00000000…), so it also
    // exercises duplicates across inputs.
    let second = try BenchTools.generate(rows: 3_000, seed: 7, in: folder)
    let accounting = try BenchTools.clean([main, second])
    // gen_survey.py writes one record per generated row (ragged ones included).
    #expect(accounting.read == 23_000)
    #expect(accounting.read == accounting.accepted + accounting.rejected + accounting.excluded)
    #expect(accounting.balances)
    #expect(accounting.excluded == 0)  // bench-w1.yml declares no filters
    #expect(accounting.perInput.count == 2)
    for path in [main, second] {
        let counts = try #require(accounting.perInput[path])
        #expect(counts.read == counts.accepted + counts.rejected + counts.excluded, "\(path)")
    }
    #expect(accounting.perInput[main]?.read == 20_000)
    #expect(accounting.perInput[second]?.read == 3_000)
    #expect(accounting.perInput.values.map(\.accepted).reduce(0, +) == accounting.accepted)
    #expect(accounting.perInput.values.map(\.rejected).reduce(0, +) == accounting.rejected)
    // Every dirt kind the generator writes shows up under its reason.
    for reason in [ReasonCode.raggedRecord, .invalidValue, .missingRequired, .duplicateID] {
        #expect((accounting.rejectedByReason[reason] ?? 0) > 0, "\(reason)")
    }
}

@Test(
    "bench-w1.yml accepts and rejects exactly the records the C reference counts valid and invalid",
    .enabled(
        if: BenchTools.canBuildReference,
        "python3, cc, libcsv-dev or ../shared/bench (generator, peers/c_libcsv_w1.c) is missing"))
func w1AgreesWithReference() throws {
    let folder = ScratchFolder()
    // Built into this test's own folder so that concurrent runs never share a half-written binary.
    let reference = folder.file("c_libcsv_w1")
    try BenchTools.run(
        try #require(BenchTools.find("cc")), ["-O2", "-o", reference, BenchTools.referenceSource, "-lcsv", "-lm"])
    let input = try BenchTools.generate(rows: 20_000, in: folder)
    let report = try BenchTools.run(reference, [input])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let read = try #require(json["rows_read"] as? Int)
    let valid = try #require(json["rows_valid"] as? Int)
    let invalid = try #require(json["rows_invalid"] as? Int)
    #expect(read == 20_000)
    #expect(valid + invalid == read)
    #expect(invalid > 0)  // the file is dirty: the comparison means something

    let accounting = try BenchTools.clean([input])
    #expect(accounting.read == read)
    #expect(accounting.accepted == valid)
    #expect(accounting.rejected == invalid)
    #expect(accounting.excluded == 0)
}
