import Testing

@testable import CandorCore

/// A rejection found in a later part of a file moves to its place in the whole file.
@Suite struct RejectionRebaseTests {
    @Test func aBuiltMessageFollowsTheRecord() {
        var rejection = Rejection(
            provenance: Provenance(file: "in.csv", line: 3, recordNumber: 2, byteOffset: 900), reason: .invalidValue,
            column: 4, field: "q1", detail: ": column 4 (q1): '9' is not a point", rawFields: ["9"])
        #expect(rejection.message == "in.csv:3: column 4 (q1): '9' is not a point")
        rejection.rebase(lines: 100, records: 97)
        #expect(rejection.provenance == Provenance(file: "in.csv", line: 103, recordNumber: 99, byteOffset: 900))
        #expect(rejection.message == "in.csv:103: column 4 (q1): '9' is not a point")
    }

    @Test func aDuplicateNamesItsFirstOccurrenceInTheSamePart() {
        var rejection = Rejection(
            provenance: Provenance(file: "in.csv", line: 9, recordNumber: 8, byteOffset: 0), reason: .duplicateID,
            column: 1, field: "id", detail: "",
            duplicateOf: Provenance(file: "in.csv", line: 7, recordNumber: 6, byteOffset: 0), rawFields: [])
        #expect(rejection.message == "in.csv:9: duplicate of record 6 (in.csv:7)")
        rejection.rebase(lines: 40, records: 38)
        #expect(rejection.message == "in.csv:49: duplicate of record 44 (in.csv:47)")
    }

    @Test func aMessageOfItsOwnStaysAsWritten() {
        var rejection = Rejection(
            provenance: Provenance(file: "a", line: 1, recordNumber: 1, byteOffset: 0), reason: .raggedRecord,
            message: "custom", rawFields: [])
        rejection.rebase(lines: 5, records: 5)
        #expect(rejection.message == "custom")
        #expect(rejection.provenance.line == 6)
    }
}
