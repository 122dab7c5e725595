import CandorDraft
import Foundation
import Logging
import Testing

@testable import CandorPipeline

/// `candor init`'s drafts run unedited: for the four sample exports and for outside exports
/// (Qualtrics' own test files from ropensci/qualtRics, csv-spectrum and csvkit cases, and two
/// hand-made exports in the SurveyMonkey and US Google Forms layouts), the draft loads with
/// the real `DefinitionLoader`, runs through `PipelineRunner` with every record accounted
/// for, rejects nothing from a clean export, and validates against `Docs/pipeline-schema.json`.
@Suite struct DraftRunTests {
    /// An export and its data records, counted independently of candor with python's csv
    /// module: `python3 -c "import csv,sys; print(len(list(csv.reader(open(sys.argv[1],
    /// newline='', encoding='utf-8-sig'), delimiter=D))) - H)" FILE` with the format's header
    /// rows H (3 for qualtrics-sample, 2 for the legacy Qualtrics and SurveyMonkey files, else
    /// 1), D a tab for the .tsv, and `encoding='cp1252'` for the Windows-1252 and Latin-1 files. `dirtyAtMost` is the sample's planted defects (0.5% of its
    /// rows, SampleData/README.md), 0 for a clean export.
    struct Export: Sendable, CustomStringConvertible {
        var path: String
        var records: Int
        var dirtyAtMost: Int
        var description: String { path }
    }

    static let fixtures = "Tests/CandorPipelineTests/Fixtures/exports/"
    static let exports: [Export] = [
        Export(path: "SampleData/bad-boss.csv", records: 1500, dirtyAtMost: 7),
        Export(path: "SampleData/bad-boss-qualtrics.csv", records: 1500, dirtyAtMost: 7),
        Export(path: "SampleData/bad-boss-google-forms.csv", records: 1500, dirtyAtMost: 7),
        Export(path: "SampleData/engagement.csv", records: 1200, dirtyAtMost: 6),
        Export(path: fixtures + "qualtrics-sample.csv", records: 1, dirtyAtMost: 0),
        Export(path: fixtures + "qualtrics-sample-legacy.csv", records: 1, dirtyAtMost: 0),
        Export(path: fixtures + "csv-spectrum-comma-in-quotes.csv", records: 1, dirtyAtMost: 0),
        Export(path: fixtures + "csv-spectrum-utf8.csv", records: 2, dirtyAtMost: 0),
        Export(path: fixtures + "csvkit-iris.csv", records: 150, dirtyAtMost: 0),
        Export(path: fixtures + "csvkit-date-format.csv", records: 2, dirtyAtMost: 0),
        Export(path: fixtures + "csvkit-dummy.tsv", records: 1, dirtyAtMost: 0),
        Export(path: fixtures + "surveymonkey-checkboxes.csv", records: 24, dirtyAtMost: 0),
        Export(path: fixtures + "google-forms-us.csv", records: 30, dirtyAtMost: 0),
        Export(path: fixtures + "csvkit-latin1.csv", records: 2, dirtyAtMost: 0),
        Export(path: fixtures + "excel-windows-1252.csv", records: 12, dirtyAtMost: 0),
    ]

    /// The draft of `export`, naming it by absolute path (as `candor init` does from a folder
    /// that shares nothing with it).
    static func draft(_ export: Export) throws -> String {
        let path = DefinitionFiles.packageRoot + "/" + export.path
        let profile = try ExportProfile.read([path])
        let draft = DefinitionDraft(name: DraftPaths.pipelineName(for: path), inputs: [path], profile: profile)
        return DraftWriter.render(draft, schema: "pipeline-schema.json")
    }

    @Test(arguments: exports)
    func theDraftRunsUnedited(_ export: Export) throws {
        let folder = ScratchFolder()
        let text = try Self.draft(export)
        #expect(text.hasPrefix("# yaml-language-server: $schema="))
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(text, in: folder))
        // Every field and the three read settings carry what their guess rests on.
        let guesses = text.components(separatedBy: "\n  # guessed: ").count - 1
        #expect(guesses == definition.schema.fields.count + 3, "\(text)")
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition, outputOverride: folder.file("out")), logger: logger)
        #expect(outcome.status == .success, "\(outcome.message ?? "")\n\(text)")
        let counts = try #require(outcome.counts)
        #expect(counts.read == export.records)
        #expect(counts.read == counts.accepted + counts.rejected + counts.excluded)
        #expect(counts.rejected <= export.dirtyAtMost, "\(counts.rejected) rejected\n\(text)")
    }

    /// An export that is not valid UTF-8 is drafted as Windows-1252, as Excel on Windows
    /// writes it, so the rows with accents are read rather than rejected.
    @Test func anExcelExportIsReadAsWindows1252() throws {
        let text = try Self.draft(try #require(Self.exports.first { $0.path.hasSuffix("excel-windows-1252.csv") }))
        #expect(text.contains("  encoding: \"windows-1252\"\n"))
        #expect(text.contains("values: [\"Zoë Müller\", \"José Núñez\", \"Anaïs Dupré\", \"Björn Ås\"]"))
        let utf8 = try Self.draft(try #require(Self.exports.first { $0.path.hasSuffix("google-forms-us.csv") }))
        #expect(utf8.contains("  encoding: \"utf-8\"\n"))
    }

    @Test(
        .enabled(
            if: DefinitionSchemaValidator.isAvailable,
            "python3 with jsonschema and yaml is not available; skipping the schema check"))
    func theDraftsValidateAgainstTheSchema() throws {
        var drafts: [String: String] = [:]
        for export in Self.exports { drafts[export.path] = try Self.draft(export) }
        for (path, errors) in try DefinitionSchemaValidator.errors(drafts) {
            #expect(errors.isEmpty, "\(path): \(errors)")
        }
    }
}
