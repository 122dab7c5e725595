import Testing

@testable import CandorClean

/// `ResponseBatch`'s typed reads against the words appended, worked out by hand.
@Suite struct ResponseBatchTests {
    /// Two responses of four fields: a category code, an integer, a number, a multiselect mask.
    static func batch() -> ResponseBatch {
        var batch = ResponseBatch(width: 4, capacity: 1)
        let rows: [[Int64]] = [
            [2, -7, Response.word(ofNumber: 1.5), 0b101],
            [Response.missing, Response.missing, Response.word(ofNumber: -0.25), 0],
        ]
        for (row, weight) in zip(rows, [1.0, 0.5]) { row.withUnsafeBufferPointer { batch.append($0, weight: weight) } }
        return batch
    }

    @Test func typedReadsGiveTheValuesStored() {
        let batch = Self.batch()
        #expect(batch.count == 2)
        #expect(batch.code(0, 0) == 2)
        #expect(batch.integer(0, 1) == -7)
        #expect(batch.number(0, 2) == 1.5)
        #expect(batch.mask(0, 3) == 0b101)
        #expect(batch.weight(0) == 1)
        // An unanswered item reads as nil whatever the accessor; an answered 0 does not.
        #expect(batch.code(1, 0) == nil && batch.integer(1, 1) == nil && !batch.isAnswered(1, 0))
        #expect(batch.number(1, 2) == -0.25)
        #expect(batch.mask(1, 3) == 0 && batch.isAnswered(1, 3))
        #expect(batch.weight(1) == 0.5)
    }

    @Test func numbersRoundTripThroughTheirWords() {
        // 1.5 is 0x3FF8000000000000 in IEEE 754 binary64 (sign 0, exponent 1023, mantissa .1b).
        #expect(Response.word(ofNumber: 1.5) == 0x3FF8_0000_0000_0000)
        for value in [0, 1.5, -1e300, .pi, -.leastNonzeroMagnitude] {
            #expect(Response.number(ofWord: Response.word(ofNumber: value)) == value)
        }
    }

    @Test func rawWordsAreResponseAfterResponse() {
        var batch = Self.batch()
        batch.withUnsafeValues { values, weights in
            #expect(Array(values) == [2, -7, 0x3FF8_0000_0000_0000, 5, .min, .min, Response.word(ofNumber: -0.25), 0])
            #expect(Array(weights) == [1, 0.5])
        }
        batch.removeAll()
        #expect(batch.count == 0)
        batch.withUnsafeValues { values, weights in #expect(values.isEmpty && weights.isEmpty) }
    }
}
