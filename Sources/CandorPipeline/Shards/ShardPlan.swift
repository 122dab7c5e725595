import CandorCore
import CandorIngest

/// How a run's inputs divide into shards: whole files where they fit a shard's share of the
/// bytes, and a file larger than its share cut at line starts near the share boundaries.
///
/// Every shard process works the plan out alone from the same files, so it depends only on
/// their sizes and bytes. A cut is a candidate: the piece before it verifies that it ends there
/// between records (`PieceReader.endedAtCut`), and `candor merge` drops the pieces after one
/// that did not.
package struct ShardPlan: Sendable, Equatable {
    /// One input, or the records of one input between two cuts.
    package struct Piece: Sendable, Equatable {
        /// The input's number in the run's input list.
        package var input: Int
        /// Decoded offset of the piece's first record; `nil`: the first data record.
        package var start: Int64?
        /// Decoded offset where the piece ends; `nil`: the end of the file.
        package var end: Int64?
    }

    /// Per shard (index 0 is shard 1): its pieces, in input order.
    package var shards: [[Piece]]

    /// The plan for `files` over `count` shards.
    /// - Throws: `RunFailure(.unreadableInput)` when an input cannot be read.
    package init(files: [InputFile], count: Int, options: ReadOptions) throws(RunFailure) {
        var sizes: [Int64] = []
        for file in files {
            guard let identity = InputFileIdentity(path: file.path) else {
                throw RunFailure(.unreadableInput, "\(file.displayName): cannot be read")
            }
            sizes.append(identity.size)
        }
        let total = max(sizes.reduce(0, +), 1)
        let share = (total + Int64(count) - 1) / Int64(count)
        func shard(ofGlobalOffset offset: Int64) -> Int { min(Int(offset * Int64(count) / total), count - 1) }
        shards = Array(repeating: [], count: count)
        var before: Int64 = 0
        for (number, file) in files.enumerated() {
            let size = sizes[number]
            defer { before += size }
            var cuts: [Int64] = []
            var extent: PieceCuts.Extent?
            if size > share, count > 1 {
                do {
                    extent = try PieceCuts.extent(path: file.path, options: options, displayName: file.displayName)
                } catch {
                    throw RunFailure(.unreadableInput, error.description)
                }
                for boundary in 1..<count {
                    let local = Int64(boundary) * total / Int64(count) - before
                    guard local > 0, local < size, let extent else { continue }
                    let target = local - Int64(extent.bomLength)
                    if let cut = PieceCuts.lineStart(path: file.path, extent: extent, atOrAfter: target),
                        cut > (cuts.last ?? extent.dataStart)
                    {
                        cuts.append(cut)
                    }
                }
            }
            let starts: [Int64?] = [nil] + cuts.map { $0 }
            let ends: [Int64?] = cuts.map { $0 } + [nil]
            let bom = Int64(extent?.bomLength ?? 0)
            for (start, end) in zip(starts, ends) {
                let from = start.map { $0 + bom } ?? 0
                let to = end.map { $0 + bom } ?? size
                shards[shard(ofGlobalOffset: before + (from + to) / 2)].append(
                    Piece(input: number, start: start, end: end))
            }
        }
    }
}
