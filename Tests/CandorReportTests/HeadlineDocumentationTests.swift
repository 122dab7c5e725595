import Foundation
import Testing

@testable import CandorReport

/// Every placeholder a headline template may use is in the pipeline reference, so a new one
/// cannot ship undocumented.
@Suite struct HeadlineDocumentationTests {
    @Test(arguments: HeadlineTemplate.Placeholder.allCases)
    func thePipelineReferenceListsPlaceholder(_ placeholder: HeadlineTemplate.Placeholder) throws {
        let path = ReportFixtures.packageRoot.appendingPathComponent("Docs/PIPELINE.md").path
        let reference = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            reference.contains("| `{\(placeholder.rawValue)}` |"),
            "Docs/PIPELINE.md has no row for the headline placeholder {\(placeholder.rawValue)}")
    }
}
