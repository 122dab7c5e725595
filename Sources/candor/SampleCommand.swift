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

            Examples:
              candor sample --survey bad-boss --rows 1500 --output SampleData/bad-boss.csv
              candor sample --survey bad-boss --format qualtrics --rows 1500 --output bad-boss-qualtrics.csv
              candor sample --survey bad-boss --format google-forms --rows 200 --seed 7 --dirty 0
              candor sample --survey engagement --rows 1200 --output SampleData/engagement.csv
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
    func run() throws {
        let generator = try makeGenerator()
        let destination = output ?? "standard output"
        let descriptor = output.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? STDOUT_FILENO
        guard descriptor >= 0 else { throw SampleOutputError(path: destination) }
        defer { if output != nil { close(descriptor) } }
        try generator.write { (chunk: UnsafeRawBufferPointer) throws(SampleOutputError) in
            var remaining = chunk
            // write(2) may take only part of a chunk (pipes); retry the rest, and on EINTR.
            while let base = remaining.baseAddress, !remaining.isEmpty {
                let written = write(descriptor, base, remaining.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SampleOutputError(path: destination)
                }
                remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
            }
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

    /// What failed, for the command line.
    var description: String { "Could not write the sample to \(path)." }
}

extension SampleSurvey: ExpressibleByArgument {}
extension SampleFormat: ExpressibleByArgument {}
