import CandorSample
import Foundation
import Testing

@testable import CandorClean

/// A category with tens of thousands of values, past the size where whole batches are looked up
/// ahead (`FieldDecoder.lookAhead`), gets the codes one dictionary reading the values in order
/// would give: the first spelling of each trimmed, case-folded value names its code.
@Suite struct LargeCategoryTests {
    @Test func aBigOpenCategoryIsNumberedInOrderOfFirstAppearance() throws {
        var random = SplitMix64(seed: 11)
        // Short ids (packed keys), long ones, non-ASCII ones, case and space variants, blanks.
        func value(_ number: Int) -> String {
            switch number % 4 {
            case 0: return "M\(number)"
            case 1: return "manager-number-\(number)"
            case 2: return "Müller\(number)"
            default: return "m\(number)"
            }
        }
        var cells: [String] = []
        for _ in 0..<60_000 {
            let number = Int(random.next() % 30_000)
            var cell = value(number)
            switch random.next() % 8 {
            case 0: cell = cell.uppercased()
            case 1: cell = " \(cell)\t"
            case 2: cell = ""
            default: break
            }
            cells.append(cell)
        }
        let schema = SurveySchema(fields: [field("manager", .category(CategorySpec(values: [])))])
        let csv = "manager\n" + cells.map(CleanHarness.quoted).joined(separator: "\n") + "\n"
        let run = try CleanHarness.run(schema, csv)

        // The expectation, by a dictionary over trimmed, lowercased text.
        var codes: [String: Int] = [:]
        var labels: [String] = []
        var expected: [Int64] = []
        for cell in cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let key = trimmed.lowercased()
            if codes[key] == nil {
                codes[key] = labels.count
                labels.append(trimmed)
            }
            expected.append(Int64(codes[key]!))
        }
        #expect(labels.count > 20_000)
        #expect(run.rejections.isEmpty)
        #expect(run.column(0).filter { $0 >= 0 } == expected)
        #expect(run.cleaner.labels(ofField: 0) == labels)
    }
}
