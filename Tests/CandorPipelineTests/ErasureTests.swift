import CandorPipeline
import Foundation
import Logging
import Testing

/// `candor forget` and `output.retain`: what an erasure request removes, and nothing else.
@Suite("Erasure and retention")
struct ErasureTests {
    /// Ten people; R7 has two rejected rows (a bad score, and one whose comment spans two lines),
    /// R8 one; R3's manager column holds the text "R7", which must not count as R7's row.
    static let input = """
        id,manager,score,comment
        R1,M1,3,
        R2,M1,4,
        R3,R7,5,
        R7,M2,9,too high
        R8,M2,x,
        R7,M2,11,"two
        lines"
        R9,M2,2,

        """

    static func definition(in scratch: ScratchFolder, retain: String = "") throws -> PipelineDefinition {
        scratch.create("in.csv", input)
        scratch.create(
            "forget.yml",
            """
            version: 1
            name: forget
            inputs: [in.csv]
            output: {directory: out, max_reject_share: 0.9\(retain)}
            fields:
              - {name: id, type: id, column: id}
              - {name: manager, type: category, column: manager}
              - {name: score, type: integer, column: score, min: 1, max: 5}
              - {name: comment, type: text, column: comment}
            metrics:
              - {id: score, kind: mean, field: score}
            """)
        return try DefinitionLoader.load(path: scratch.file("forget.yml"))
    }

    static func run(_ definition: PipelineDefinition) -> RunOutcome {
        PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
    }

    /// The rows of a rejects file text, each with its CRLF: raw_fields writes a line break of
    /// the input as `\n`, so every row is one line.
    static func rows(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").dropLast().map { $0 + "\r\n" }
    }

    @Test func forgetRemovesExactlyTheRespondentsRows() throws {
        let scratch = ScratchFolder()
        let definition = try Self.definition(in: scratch)
        #expect(Self.run(definition).status == .success)
        let before = try #require(scratch.read("out/forget.rejects.csv"))
        // Header, then lines 5 (R7), 6 (R8) and 7 (R7, two lines).
        let rows = Self.rows(before)
        #expect(rows.count == 4)
        #expect(rows.dropFirst().map { $0.prefix(9) } == ["in.csv,5,", "in.csv,6,", "in.csv,7,"])
        scratch.create("out/.forget.rejects.csv.tmp-1-abc", "R7 stale copy")

        let outcome = try RespondentErasure.forget(
            "R7", definition: definition, outputDirectory: scratch.file("out"))
        #expect(outcome.removedRows == [scratch.file("out/forget.rejects.csv"): 2])
        #expect(outcome.removedTemporaries == [".forget.rejects.csv.tmp-1-abc"])
        #expect(outcome.matchedOnAnyField.isEmpty)
        // Byte for byte, the file minus R7's two rows; still 0600.
        #expect(scratch.read("out/forget.rejects.csv") == rows[0] + rows[2])
        #expect(permissionBits(scratch.file("out/forget.rejects.csv")) == 0o600)
        #expect(
            !((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("out"))) ?? []).contains {
                $0.contains(".tmp-")
            })

        // Asked again, nothing is left to remove.
        let again = try RespondentErasure.forget("R7", definition: definition, outputDirectory: scratch.file("out"))
        #expect(again.removedRows.isEmpty && again.removedTemporaries.isEmpty)
    }

    @Test func forgetWaitsForNoRunAndNeedsAnIdField() throws {
        let scratch = ScratchFolder()
        let definition = try Self.definition(in: scratch)
        #expect(Self.run(definition).status == .success)
        let lock = OutputLock(directory: scratch.file("out"))
        try lock.acquire(wait: false)
        #expect(throws: RunFailure.self) {
            try RespondentErasure.forget("R7", definition: definition, outputDirectory: scratch.file("out"))
        }
        lock.release()
        var anonymous = definition
        anonymous.plan.schema.fields.removeFirst()
        anonymous.plan.schema.dedupe = nil
        do {
            _ = try RespondentErasure.forget("R7", definition: anonymous, outputDirectory: scratch.file("out"))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.status == .configuration)
        }
    }

    /// `retain: 7`: a rejects file and a temporary file untouched for ten days go; this run's
    /// rejects file, a fresh one, and a ten-day-old report stay.
    @Test func retainPrunesOldFilesHoldingAnswers() throws {
        let scratch = ScratchFolder()
        let definition = try Self.definition(in: scratch, retain: ", retain: 7")
        #expect(definition.retainDays == 7)
        try FileManager.default.createDirectory(atPath: scratch.file("out"), withIntermediateDirectories: true)
        let old = Date().addingTimeInterval(-10 * 86_400)
        for name in ["old.rejects.csv", ".old.rejects.csv.tmp-9-x", "old.md", "new.rejects.csv"] {
            scratch.create("out/" + name, "x")
        }
        for name in ["old.rejects.csv", ".old.rejects.csv.tmp-9-x", "old.md"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: scratch.file("out/" + name))
        }
        #expect(Self.run(definition).status == .success)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.file("out")).sorted()
        #expect(
            left == [
                ".candor.lock", "forget.html", "forget.json", "forget.md", "forget.rejects.csv", "history.sqlite",
                "new.rejects.csv", "old.md", "runs.jsonl",
            ])
    }

    @Test func retainMustBeADayOrMore() throws {
        let scratch = ScratchFolder()
        #expect(throws: DefinitionError.self) { _ = try Self.definition(in: scratch, retain: ", retain: 0") }
    }
}
