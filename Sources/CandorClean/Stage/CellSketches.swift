import CandorCore

/// Per published cell (the overall, each group of a segment field, each cell of a pair), a
/// `SetSketch` of its respondents: for each, a keyed hash of their id and one of their answers.
///
/// Between two runs of one open wave, subtracting a cell's last published sketch from tonight's
/// reads back which respondents were added, removed or changed their answers, without the
/// history ever holding an answer (see `CandorPipeline`'s `CellHolding`). The state is one sketch
/// per cell, never anything per respondent, and merges by adding sketches cell by cell.
///
/// Cells are keyed by keyed hashes of their group labels, not by category codes: codes follow
/// the order values first appear in, which differs between runs and between the parts of one
/// run, while a label is the same wherever it is read.
package struct CellSketches: Sendable, Equatable {
    /// Identifies a cell: its table and the label hashes of its group (0 for blank or none).
    package struct Key: Sendable, Hashable, Comparable {
        /// 0 for the overall, 1 + i for segment field i, 1 + segments + j for pair j.
        package var table: Int
        /// The hash of the (first) group label; 0 for the overall or a blank value.
        package var first: UInt64
        /// The hash of a pair's second label; 0 otherwise.
        package var second: UInt64

        /// Creates a key.
        package init(table: Int, first: UInt64 = 0, second: UInt64 = 0) {
            self.table = table
            self.first = first
            self.second = second
        }

        /// Table, then label hashes: an order for writing the state deterministically.
        package static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.table, lhs.first, lhs.second) < (rhs.table, rhs.first, rhs.second)
        }
    }

    /// The difference, in entries, each sketch is sized to read back.
    package let capacity: Int
    /// The sketch of each cell that has had a respondent.
    package private(set) var cells: [Key: SetSketch] = [:]

    /// No cell yet, sketches of `capacity`.
    package init(capacity: Int) { self.capacity = capacity }

    /// Adds `entry` to the cell `key`.
    mutating func insert(_ entry: SetSketch.Entry, into key: Key) {
        cells[key, default: SetSketch(capacity: capacity)].insert(entry)
    }

    /// Adds `other`'s sketches cell by cell.
    mutating func merge(_ other: CellSketches) {
        for (key, sketch) in other.cells { cells[key, default: SetSketch(capacity: capacity)].merge(sketch) }
    }

    /// Writes the capacity and every cell, in key order.
    func encodeState(into writer: inout StateWriter) {
        writer.integer(capacity)
        writer.integer(cells.count)
        for key in cells.keys.sorted() {
            writer.integer(key.table)
            writer.word(key.first)
            writer.word(key.second)
            let bytes = cells[key]!.serialized
            bytes.withUnsafeBytes { writer.bytes($0) }
        }
    }

    /// Reads what `encodeState` wrote.
    static func decodeState(from reader: inout StateReader) throws(StateDecodingError) -> CellSketches {
        var sketches = CellSketches(capacity: try reader.integer(in: 1...1_000_000))
        for _ in 0..<(try reader.count(minimumSize: 32)) {
            let key = Key(table: try reader.integer(), first: try reader.word(), second: try reader.word())
            let start = reader.offset
            let bytes = try reader.bytes { Array($0) }
            guard let sketch = SetSketch(capacity: sketches.capacity, serialized: bytes) else {
                throw StateDecodingError(offset: start, "a cell sketch of another size")
            }
            sketches.cells[key] = sketch
        }
        return sketches
    }
}

/// What the cleaner needs to sketch the cells: the key, the capacity and the segment fields and
/// pairs whose groups are cells. `nil` on a cleaner (the history off) costs nothing per record.
package struct CellSketchPlan: Sendable, Equatable {
    /// The history's secret hash.
    package var hash: KeyedHash
    /// Entries each sketch reads back: 2·(min_group_size − 1), a replaced answer being two.
    package var capacity: Int
    /// The segment fields, in the plan's order.
    package var segments: [Int]
    /// The pairs' fields.
    package var pairs: [[Int]]

    /// Creates a plan.
    package init(hash: KeyedHash, capacity: Int, segments: [Int], pairs: [[Int]]) {
        self.hash = hash
        self.capacity = capacity
        self.segments = segments
        self.pairs = pairs
    }
}
