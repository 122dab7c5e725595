import CandorCore

/// Reads one input file into validated-size `RecordBatch`es on the calling thread: encoding,
/// delimiter and header layout first, then the data records.
///
/// Not `Sendable`: it owns a file descriptor and a libcsv parser. `IngestStream` moves it to a
/// parsing thread.
final class RecordReader {
    let input: DecodedInput
    let delimiter: UInt8
    let layout: HeaderLayout
    let options: ReadOptions
    private let tokenizer: LibCSVTokenizer
    private var finished = false
    /// Line on which the first data record can start.
    let firstDataLine: Int

    init(path: String, options: ReadOptions) throws(IngestError) {
        self.options = options
        input = try DecodedInput(path: path, declared: options.encoding, chunkSize: options.chunkSize)
        guard let sample = try input.nextChunk() else {
            throw IngestError(.empty, file: path, detail: "is empty")
        }
        let detection: DelimiterDetection
        if let given = options.delimiter {
            detection = DelimiterDetection(delimiter: given, skipPrefixBytes: 0, evidence: "given")
        } else {
            // The sample is gathered from as many chunks as it takes, so the delimiter found does
            // not depend on the chunk size.
            var head = Array(sample.prefix(Self.delimiterSampleBytes))
            while head.count < Self.delimiterSampleBytes, let more = try input.nextChunk() {
                head.append(contentsOf: more.prefix(Self.delimiterSampleBytes - head.count))
            }
            var whole = head.count < Self.delimiterSampleBytes
            if !whole { whole = try input.nextChunk() == nil }
            detection = head.withUnsafeBytes { DelimiterDetector.detect(sample: $0, sampleIsWholeFile: whole) }
        }
        delimiter = detection.delimiter
        let header = try Self.readHeaderRecords(
            input: input, delimiter: delimiter, options: options, skip: detection.skipPrefixBytes)
        guard !header.records.isEmpty else {
            // A lone line break is what some tools write for an export with nothing in it.
            if header.linesRead <= 1 { throw IngestError(.empty, file: path, detail: "is empty") }
            throw IngestError(.noHeader, file: path, detail: "has no header row (only blank lines)")
        }
        do {
            layout = try ExportFormatDetector.detect(firstRecords: header.records, declared: options.format)
        } catch {
            throw IngestError(.badHeader, file: path, detail: error.description)
        }
        let dataStart = header.ends[layout.headerRows - 1]
        firstDataLine = dataStart.line
        try input.rewind(toDecodedOffset: dataStart.offset)
        tokenizer = LibCSVTokenizer(
            delimiter: delimiter, trimSpaces: options.trimSpaces, maxFieldBytes: options.maxFieldBytes,
            firstLine: dataStart.line, startsAfterCR: dataStart.afterCR)
        tokenizer.expectFields(layout.columnNames.count, allowingTrailingEmpty: layout.dropsTrailingEmptyColumn)
    }

    /// Parses up to three records from the start of the file, one at a time, with where each
    /// one ends: the format detector needs them before the data records can be read.
    private static func readHeaderRecords(
        input: DecodedInput, delimiter: UInt8, options: ReadOptions, skip: Int
    ) throws(IngestError) -> (records: [[String]], ends: [ResumePoint], linesRead: Int) {
        var records: [[String]] = []
        var ends: [ResumePoint] = []
        let first = ResumePoint(offset: Int64(skip), line: skip > 0 ? 2 : 1, afterCR: false)
        var from = first
        var lastLine = first.line
        for _ in 0..<3 {
            try input.rewind(toDecodedOffset: from.offset)
            let tokenizer = LibCSVTokenizer(
                delimiter: delimiter, trimSpaces: options.trimSpaces, maxFieldBytes: options.maxFieldBytes,
                firstLine: from.line, startsAfterCR: from.afterCR, batchRecords: 2, batchBytes: 64 * 1024,
                recordLimit: 1)
            var end: ResumePoint?
            reading: while let chunk = try input.nextChunk() {
                if case .reachedRecordLimit(let point) = tokenizer.feed(chunk, at: input.chunkStart(chunk)) {
                    end = point
                    break reading
                }
            }
            if end == nil { _ = tokenizer.finish() }
            tokenizer.sealCurrent()
            lastLine = tokenizer.line
            guard let storage = tokenizer.takeSealed().first else { break }
            let batch = RecordBatch(file: input.path, storage: storage)
            records.append(batch.rawFields(0))
            let resolved = end ?? ResumePoint(offset: input.decodedOffset, line: tokenizer.line, afterCR: false)
            ends.append(resolved)
            from = resolved
            if end == nil { break }
        }
        return (records, ends, lastLine - first.line)
    }

    /// Bytes of decoded text the delimiter detector sees.
    private static let delimiterSampleBytes = 64 * 1024

    /// The next batch of data records, or `nil` when the file is done.
    func nextBatch() throws(IngestError) -> BatchStorage? {
        while true {
            if let ready = popSealed() { return ready }
            if finished { return nil }
            guard let chunk = try input.nextChunk() else {
                if let restart = tokenizer.finish() {
                    try input.rewind(toDecodedOffset: restart.offset)
                    continue
                }
                tokenizer.sealCurrent()
                finished = true
                continue
            }
            if case .restart(let point) = tokenizer.feed(chunk, at: input.chunkStart(chunk)) {
                try input.rewind(toDecodedOffset: point.offset)
            }
        }
    }

    private var pending: [BatchStorage] = []

    private func popSealed() -> BatchStorage? {
        if pending.isEmpty { pending = tokenizer.takeSealed().reversed() }
        return pending.popLast()
    }

    /// What was seen of the file's shape; complete once `nextBatch()` returned `nil`.
    var shape: InputShape {
        InputShape(
            encoding: input.encoding, hadByteOrderMark: input.bomLength > 0, delimiter: delimiter,
            lineEndings: tokenizer.lineEndings, blankLines: tokenizer.blankLines, layout: layout,
            bytes: input.fileSize, sha256: input.sha256())
    }
}

/// The shape of one input file as ingest saw it.
package struct InputShape: Sendable, Equatable {
    /// The encoding read.
    package var encoding: TextEncoding
    /// Whether a byte-order mark was stripped.
    package var hadByteOrderMark: Bool
    /// The delimiter byte.
    package var delimiter: UInt8
    /// Line breaks by kind (data records only).
    package var lineEndings: LineEndingCounts
    /// Blank lines skipped among the data records.
    package var blankLines: Int
    /// Header rows, format and columns.
    package var layout: HeaderLayout
    /// File size as stored.
    package var bytes: Int64
    /// SHA-256 of the file as stored (lowercase hex).
    package var sha256: String
}
