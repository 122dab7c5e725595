/// The entry points that `scripts/fuzz` drives with libFuzzer and that the fuzz regression test
/// replays: each takes arbitrary bytes and either returns (the input was handled as promised,
/// however bad it is) or throws the `FuzzFinding` that shows a bug.
///
/// Each target goes through the same high-level entry points the `candor` command uses
/// (`IngestStream`, `ParallelIngest`, `InputInspection`, `DefinitionLoader`, `PipelineRunner`),
/// so refactoring what lies beneath them does not touch the fuzzers.
///
/// ```swift
/// try FuzzTarget.ingest.check(Array("id,q1\n1,Agree\n".utf8))
/// ```
package enum FuzzTarget: String, Sendable, CaseIterable {
    /// Bytes as a CSV input: every way of reading it gives the same records, and every record is
    /// accounted for (see `IngestCheck`).
    case ingest
    /// Bytes as a pipeline definition: a definition or a `DefinitionError`, never a crash (see
    /// `DefinitionLoadCheck`).
    case definition
    /// Bytes as the one input of a fixed pipeline: a whole run, in two parts and in one, with the
    /// same bytes out and balanced accounting (see `RunCheck`).
    case run

    /// Checks the target's promises for `bytes`.
    /// - Throws: `FuzzFinding` when one does not hold.
    package func check(_ bytes: [UInt8]) throws(FuzzFinding) {
        switch self {
        case .ingest: try IngestCheck.check(bytes)
        case .definition: try DefinitionLoadCheck.check(bytes)
        case .run: try RunCheck.check(bytes)
        }
    }
}
