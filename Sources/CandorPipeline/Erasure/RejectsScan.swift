import CandorCore
import CandorIngest
import Foundation

/// Finds rows of a rejects file and rewrites it without them, byte for byte otherwise.
///
/// The file is read through the same ingest as any input (it is a CSV whose `raw_fields` may
/// hold quoted line breaks), and each row is located by its records' byte offsets, so the rows
/// kept are copied, never re-encoded.
enum RejectsScan {
    /// The byte ranges of the rows `matches(input, rawFields)` picks, in file order.
    /// - Throws: `RunFailure` (66) when the file cannot be read as a rejects file.
    static func rows(in path: String, matches: (String, [String]) -> Bool) throws(RunFailure) -> [Range<Int64>] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        var ranges: [Range<Int64>] = []
        var pendingStart: Int64?
        do {
            let stream = try IngestStream(path: path)
            guard let fileColumn = stream.layout.columnNames.firstIndex(of: "file"),
                let rawColumn = stream.layout.columnNames.firstIndex(of: "raw_fields")
            else {
                throw RunFailure(.unreadableInput, "\(path): not a rejects file (no 'file' and 'raw_fields' columns)")
            }
            while let batch = try stream.next() {
                for record in 0..<batch.count {
                    let start = batch.provenance(record).byteOffset
                    if let open = pendingStart {
                        ranges.append(open..<start)
                        pendingStart = nil
                    }
                    guard batch.fieldCount(record) > max(fileColumn, rawColumn) else { continue }
                    let input = batch.withField(record, fileColumn) { String(decoding: $0, as: UTF8.self) }
                    let raw = batch.withField(record, rawColumn) { Data($0) }
                    let fields = (try? JSONSerialization.jsonObject(with: raw) as? [String]) ?? []
                    if matches(input, fields) { pendingStart = start }
                }
            }
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure(.unreadableInput, "\(error)")
        }
        if let open = pendingStart { ranges.append(open..<size) }
        return ranges
    }

    /// Rewrites `path` without `ranges` (sorted, disjoint), atomically and 0600.
    /// - Throws: `RunFailure` (73 and friends) when the new file cannot be written.
    static func rewrite(_ path: String, without ranges: [Range<Int64>]) throws(RunFailure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunFailure(.unreadableInput, "\(path): cannot be read")
        }
        defer { try? handle.close() }
        do {
            let writer = try AtomicFileWriter(path: path, permissions: .ownerOnly)
            var position: Int64 = 0
            for range in ranges + [Int64.max..<Int64.max] {
                // Copy what lies before the range, a chunk at a time, then skip the range.
                try handle.seek(toOffset: UInt64(position))
                var remaining = range.lowerBound - position
                while remaining > 0, let chunk = try handle.read(upToCount: Int(min(remaining, 1 << 20))),
                    !chunk.isEmpty
                {
                    try writer.write([UInt8](chunk))
                    remaining -= Int64(chunk.count)
                }
                position = range.upperBound
            }
            try writer.commit()
        } catch let error as OutputError {
            throw RunFailure(error.exitStatus, error.description)
        } catch {
            throw RunFailure(.cannotWriteOutput, "\(path): \(error)")
        }
    }
}
