/// One accumulator state for everyone, and one per group of each segment field and pair.
///
/// Per-group states live in arrays indexed by the group's code and grow when a new code
/// appears, so recording a response costs one array access per segment, with no hashing.
struct Breakdown<State: Mergeable>: Mergeable {
    /// Everyone in the metric's base.
    private(set) var overall: State
    /// `oneWay[segment][code]`.
    private(set) var oneWay: [[State]]
    /// `pairs[pair][firstCode][secondCode]`.
    private(set) var pairs: [[[State]]]
    /// A state that has seen nobody, copied for each new group.
    let empty: State

    /// Creates an empty breakdown for `layout`.
    init(empty: State, layout: SegmentLayout) {
        self.empty = empty
        overall = empty
        oneWay = Array(repeating: [], count: layout.segmentFields.count)
        pairs = Array(repeating: [], count: layout.pairFields.count)
    }

    /// Applies `body` to the overall state and to the state of each group the response is in.
    @inline(__always)
    mutating func record(_ codes: UnsafeMutableBufferPointer<Int>, _ body: (inout State) -> Void) {
        body(&overall)
        for segment in oneWay.indices {
            let code = codes[segment]
            guard code >= 0 else { continue }
            if code >= oneWay[segment].count {
                oneWay[segment].append(contentsOf: repeatElement(empty, count: code + 1 - oneWay[segment].count))
            }
            body(&oneWay[segment][code])
        }
        var slot = oneWay.count
        for pair in pairs.indices {
            let first = codes[slot]
            let second = codes[slot + 1]
            slot += 2
            guard first >= 0, second >= 0 else { continue }
            if first >= pairs[pair].count {
                pairs[pair].append(contentsOf: repeatElement([], count: first + 1 - pairs[pair].count))
            }
            if second >= pairs[pair][first].count {
                pairs[pair][first].append(
                    contentsOf: repeatElement(empty, count: second + 1 - pairs[pair][first].count))
            }
            body(&pairs[pair][first][second])
        }
    }

    mutating func merge(_ other: Breakdown<State>) {
        overall.merge(other.overall)
        for segment in oneWay.indices where segment < other.oneWay.count {
            oneWay[segment].mergeGrowing(other.oneWay[segment], empty: empty)
        }
        for pair in pairs.indices where pair < other.pairs.count {
            let theirs = other.pairs[pair]
            if pairs[pair].count < theirs.count {
                pairs[pair].append(contentsOf: repeatElement([], count: theirs.count - pairs[pair].count))
            }
            for first in theirs.indices { pairs[pair][first].mergeGrowing(theirs[first], empty: empty) }
        }
    }

    /// The breakdown with every state mapped to the figure its segment rows show.
    func map<T>(_ transform: (State) -> T) -> (overall: T, oneWay: [[T]], pairs: [[[T]]]) {
        (transform(overall), oneWay.map { $0.map(transform) }, pairs.map { $0.map { $0.map(transform) } })
    }
}
