import CandorCore
import CandorStorage

/// One accumulator state for everyone, and one per group of each segment field and pair, all
/// in one flat `[Double]`.
///
/// Group `id` (see `GroupDirectory`) holds its state at `id × stride`, so a batch is recorded
/// through one pointer with no per-response retain, release, uniqueness or exclusivity check.
/// Storage grows only when a batch shows a new group. Which groups exist is read from the
/// states' presence counts, so results see the same groups nested per-group arrays gave.
struct Breakdown<State: FlatState>: Sendable {
    /// A state that has seen nobody; its shape is every group's.
    let empty: State
    /// Values per state.
    let stride: Int
    /// Group ids.
    private(set) var groups: GroupDirectory
    /// State of group `id` at `id × stride`.
    private(set) var values: [Double]

    /// Creates an empty breakdown for `layout`.
    init(empty: State, layout: SegmentLayout) {
        self.empty = empty
        stride = max(empty.flatCount, 1)
        groups = GroupDirectory(segmentCount: layout.segmentFields.count, pairCount: layout.pairFields.count)
        values = Array(repeating: 0, count: stride)
    }

    /// Ids per row that `prepare` writes.
    var groupSlots: Int { groups.groupSlots }

    /// Writes the group ids of every response of `batch` into `ids` (`groupSlots` per response)
    /// and grows storage for groups the batch is the first to show.
    mutating func prepare(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        groups.resolve(codes: batch.codes, codeSlots: batch.codeSlots, rows: batch.count, into: ids)
        let needed = groups.count * stride
        if values.count < needed { values.append(contentsOf: repeatElement(0, count: needed - values.count)) }
    }

    /// Calls `body` with the states' storage, once per batch.
    @inline(__always)
    mutating func withStates<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        values.withUnsafeMutableBufferPointer { body($0) }
    }

    /// The state of group `id`.
    private func state(_ id: Int) -> State {
        empty.reading(Array(values[id * stride..<(id + 1) * stride]))
    }

    /// Everyone's state.
    var overall: State { state(0) }

    /// Adds `other`'s states, group by group (element-wise sums of the same layout, so exact),
    /// its groups' codes translated by `recoding`.
    mutating func merge(_ other: Breakdown<State>, recoding: GroupRecoder = .identity) {
        guard other.stride == stride, other.groups.segmentCount == groups.segmentCount,
            other.groups.pairCount == groups.pairCount
        else { return }
        for theirs in 0..<other.groups.count {
            guard let owner = recoding.owner(other.groups.owners[theirs]) else { continue }
            let mine = groups.id(owner)
            let needed = groups.count * stride
            if values.count < needed { values.append(contentsOf: repeatElement(0, count: needed - values.count)) }
            for offset in 0..<stride { values[mine * stride + offset] += other.values[theirs * stride + offset] }
        }
    }

    /// The breakdown with every state mapped to the figure its segment rows show.
    ///
    /// `oneWay[segment]` runs to the highest code recorded; `pairs[pair]` is a rectangle to the
    /// highest first and second codes recorded. Groups in range that were never recorded map
    /// from the empty state.
    func map<T>(_ transform: (State) -> T) -> (overall: T, oneWay: [[T]], pairs: [[[T]]]) {
        var oneWayCounts = Array(repeating: 0, count: groups.segmentCount)
        var pairSizes = Array(repeating: (rows: 0, columns: 0), count: groups.pairCount)
        let presence = empty.presenceOffset
        for id in 1..<max(groups.count, 1) where values[id * stride + presence] != 0 {
            let owner = groups.owners[id]
            if owner.slot < groups.segmentCount {
                oneWayCounts[owner.slot] = max(oneWayCounts[owner.slot], owner.first + 1)
            } else {
                let pair = owner.slot - groups.segmentCount
                pairSizes[pair].rows = max(pairSizes[pair].rows, owner.first + 1)
                pairSizes[pair].columns = max(pairSizes[pair].columns, owner.second + 1)
            }
        }
        let emptyFigure = transform(empty)
        func figure(_ owner: GroupDirectory.Owner) -> T {
            groups.existingID(owner).map { transform(state($0)) } ?? emptyFigure
        }
        let oneWay = oneWayCounts.indices.map { segment in
            (0..<oneWayCounts[segment]).map { figure(.init(slot: segment, first: $0, second: 0)) }
        }
        let pairs = pairSizes.indices.map { pair in
            (0..<pairSizes[pair].rows).map { first in
                (0..<pairSizes[pair].columns).map {
                    figure(.init(slot: groups.segmentCount + pair, first: first, second: $0))
                }
            }
        }
        return (transform(overall), oneWay, pairs)
    }
}

extension Breakdown {
    /// Writes the groups (their owners in id order) and every group's state.
    func encodeState(into writer: inout StateWriter) {
        writer.integer(groups.count - 1)
        for owner in groups.owners.dropFirst() {
            writer.integer(owner.slot)
            writer.integer(owner.first)
            writer.integer(owner.second)
        }
        writer.doubles(Array(values.prefix(groups.count * stride)))
    }

    /// Replaces this (empty) breakdown's groups and states with what `encodeState` wrote:
    /// the owners handed ids in the same order get the same ids.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        var decoded = Breakdown(
            empty: empty, groups: GroupDirectory(segmentCount: groups.segmentCount, pairCount: groups.pairCount))
        let count = try reader.count(minimumSize: 24)
        let slots = groups.segmentCount + groups.pairCount
        for _ in 0..<count {
            let start = reader.offset
            let slot = try reader.integer()
            // One-way codes index a flat table, so they are bounded as the layout bounds them.
            let codeLimit = slot < groups.segmentCount ? SegmentLayout.codeLimit : Int(Int32.max)
            let owner = GroupDirectory.Owner(
                slot: slot, first: try reader.integer(in: 0...codeLimit), second: try reader.integer(in: 0...codeLimit))
            guard (0..<slots).contains(slot), decoded.groups.existingID(owner) == nil else {
                throw StateDecodingError(
                    offset: start, "group \(slot)/\(owner.first)/\(owner.second) is not a new group")
            }
            _ = decoded.groups.id(owner)
        }
        decoded.values = try reader.doubles(count: decoded.groups.count * stride)
        self = decoded
    }

    private init(empty: State, groups: GroupDirectory) {
        self.empty = empty
        stride = max(empty.flatCount, 1)
        self.groups = groups
        values = []
    }
}

extension Breakdown: Equatable {
    /// Equal when every group holds the same state, however the ids were handed out (halves
    /// merged in either order see groups in different orders).
    static func == (lhs: Breakdown<State>, rhs: Breakdown<State>) -> Bool {
        guard lhs.empty == rhs.empty else { return false }
        let left = lhs.map { $0 }
        let right = rhs.map { $0 }
        return left.overall == right.overall && left.oneWay == right.oneWay && left.pairs == right.pairs
    }
}
