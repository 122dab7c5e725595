import Testing

@testable import CandorClean

/// A category table that saw the records before a later table's numbers the later values, and
/// takes them in, as one table seeing them all in order would have.
@Suite struct CategoryTableAbsorbTests {
    static func table(_ texts: [String], declared: [String] = ["Sales"], closed: Bool = false) -> CategoryTable {
        var table = CategoryTable(CategorySpec(values: declared, aliases: ["Biz": "Sales"], closed: closed))
        for text in texts { _ = table.code(of: text) }
        return table
    }

    @Test func laterValuesFollowInTheirOrderAndKnownOnesKeepTheirCodes() {
        var earlier = Self.table(["Ops", "eng"])
        let later = Self.table(["Legal", " ENG ", "Biz", "HR"])
        // The later table numbered Sales 0, Legal 1, ENG 2, HR 3 (Biz is Sales' alias).
        #expect(later.labels == ["Sales", "Legal", "ENG", "HR"])
        let mapping = earlier.codes(of: later)
        // One table reading "Ops", "eng", then the later records: Sales 0, Ops 1, eng 2, Legal 3, HR 4.
        #expect(mapping == [0, 3, 2, 4])
        #expect(earlier.labels == ["Sales", "Ops", "eng"], "working the codes out changes nothing")
        earlier.append(later, codes: mapping)
        #expect(earlier.labels == ["Sales", "Ops", "eng", "Legal", "HR"])
        #expect(earlier.labels == Self.table(["Ops", "eng", "Legal", " ENG ", "Biz", "HR"]).labels)
    }

    @Test func closedTablesMapOntoThemselves() {
        var earlier = Self.table(["sales"], declared: ["Sales", "Ops"], closed: true)
        let later = Self.table(["ops", "Unknown"], declared: ["Sales", "Ops"], closed: true)
        let mapping = earlier.codes(of: later)
        #expect(mapping == [0, 1])
        earlier.append(later, codes: mapping)
        #expect(earlier.labels == ["Sales", "Ops"])
    }
}
