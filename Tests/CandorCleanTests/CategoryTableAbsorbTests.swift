import CandorSample
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

    @Test func aLabelIsLookedUpFolded() {
        // " Sales " and "SALES" fold alike, and the later declared value wins the key: a label's
        // code is what its folded key stands for, whether or not the label has spaces to trim.
        let earlier = Self.table([], declared: [" Sales ", "SALES"])
        #expect(earlier.codes(of: Self.table([], declared: [" Sales ", "SALES"])) == [1, 1])
    }

    @Test func closedTablesMapOntoThemselves() {
        var earlier = Self.table(["sales"], declared: ["Sales", "Ops"], closed: true)
        let later = Self.table(["ops", "Unknown"], declared: ["Sales", "Ops"], closed: true)
        let mapping = earlier.codes(of: later)
        #expect(mapping == [0, 1])
        earlier.append(later, codes: mapping)
        #expect(earlier.labels == ["Sales", "Ops"])
    }

    /// Thousands of values over several chunks of the merge: short and long, mixed case, and
    /// declared ones with spaces to trim, against one table reading all the records in order.
    @Test func manyValuesMergeAsOneTableReadingThemAll() {
        var random = SplitMix64(seed: 3)
        let pool = (0..<3_000).map { number -> String in
            switch number % 4 {
            case 0: "M\(number)"
            case 1: "m\(number)"  // The same value as "M\(number)" when that one is drawn too.
            case 2: "Team number \(number)"
            default: "Équipe \(number)"
            }
        }
        let declared = [" Sales ", "HR", "  ops"]
        let first = (0..<2_000).map { _ in pool.randomElement(using: &random)! } + [" ops", "SALES"]
        let second = (0..<2_000).map { _ in pool.randomElement(using: &random)! } + ["ops  ", " hr", "Sales"]
        var earlier = Self.table(first, declared: declared)
        let later = Self.table(second, declared: declared)
        let mapping = earlier.codes(of: later)
        let whole = Self.table(first + second, declared: declared)
        // Each later label's code is the one the whole table gives it.
        var lookups = whole
        for (index, label) in later.labels.enumerated() {
            guard case .value(let code) = lookups.code(of: label) else {
                Issue.record("\(label) has no code")
                continue
            }
            #expect(code == Int64(mapping[index]), "\(label)")
        }
        #expect(lookups.count == whole.count, "every later label is in the whole table")
        earlier.append(later, codes: mapping)
        #expect(earlier.labels == whole.labels)
    }
}
