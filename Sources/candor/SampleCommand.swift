import ArgumentParser
import CandorSample

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `candor sample`: writes a synthetic, reproducible survey export to try pipelines on.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic survey export (deterministic for a given seed).",
        discussion: """
            The same arguments always produce the same bytes, on any machine. About 0.5% of rows \
            are deliberately dirty (out-of-range answers, a duplicate id, a blank required answer, \
            a ragged row, an unknown department) unless --dirty says otherwise.

            \(HelpExamples.block([
                "candor sample --survey bad-boss --rows 1500 --output SampleData/bad-boss.csv",
                "candor sample --survey bad-boss --format qualtrics --rows 1500 --output bad-boss-qualtrics.csv",
                "candor sample --survey bad-boss --format google-forms --rows 200 --seed 7 --dirty 0",
                "candor sample --survey engagement --rows 1200 --output SampleData/engagement.csv",
            ]))
            """
    )

    @Option(help: "The survey: \(SampleSurvey.allCases.map(\.rawValue).joined(separator: ", ")).")
    var survey: SampleSurvey = .badBoss

    @Option(help: "The export layout: \(SampleFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: SampleFormat = .generic

    @Option(help: "Number of data rows (header rows not counted).")
    var rows: Int = 1500

    @Option(help: "Random seed; the same seed gives the same file.")
    var seed: UInt64 = SampleGenerator.defaultSeed

    @Option(help: "Number of deliberately dirty rows (default: 0.5% of --rows).")
    var dirty: Int?

    @Option(help: "File to write (default: standard output).")
    var output: String?

    /// Validates the combination before anything is written.
    func validate() throws {
        _ = try makeGenerator()
    }

    /// Streams the sample to the output file or standard output.
    ///
    /// - Throws: `CandorFailure` with exit status 73 when the output cannot be created or
    ///   written (a full disk, a closed pipe), like every other output failure.
    func run() throws {
        let generator = try makeGenerator()
        let destination = output ?? "standard output"
        let descriptor = output.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? STDOUT_FILENO
        guard descriptor >= 0 else {
            throw CandorFailure(
                exitStatus: .cannotWriteOutput, message: SampleOutputError(path: destination, code: errno).description)
        }
        defer { if output != nil { close(descriptor) } }
        do {
            try generator.write { (chunk: UnsafeRawBufferPointer) throws(SampleOutputError) in
                var remaining = chunk
                // write(2) may take only part of a chunk (pipes); retry the rest, and on EINTR.
                while let base = remaining.baseAddress, !remaining.isEmpty {
                    let written = write(descriptor, base, remaining.count)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw SampleOutputError(path: destination, code: errno)
                    }
                    remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
                }
            }
        } catch {
            throw CandorFailure(exitStatus: .cannotWriteOutput, message: error.description)
        }
    }

    /// The generator for the options, or a usage error naming what to change.
    private func makeGenerator() throws -> SampleGenerator {
        do {
            return try SampleGenerator(
                survey: survey, format: format, rows: rows, seed: seed,
                dirtyRows: dirty ?? SampleGenerator.defaultDirtyRows(forRows: rows)
            )
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Writing the sample failed part-way (disk full, closed pipe).
struct SampleOutputError: Error, CustomStringConvertible {
    /// Where the output was going.
    let path: String
    /// The errno of the failed `open(2)` or `write(2)`.
    let code: Int32

    /// What failed and why, in the same words as the run's output failures:
    /// `cannot write /dev/full: No space left on device`.
    var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}

extension SampleSurvey: ExpressibleByArgument {}
extension SampleFormat: ExpressibleByArgument {}
