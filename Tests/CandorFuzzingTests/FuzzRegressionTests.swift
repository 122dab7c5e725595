import CandorFuzzing
import Foundation
import Testing

/// Every input saved under `Fixtures/fuzz-regressions/<target>/` (by `scripts/fuzz` when a
/// fuzzer finds a crash, or by hand) replayed through the same entry point the fuzzer calls, so
/// a crash found once stays a test for good.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// One saved input and the target it was found with.
    struct Case: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var name: String
        var url: URL
        var testDescription: String { "\(target.rawValue)/\(name)" }
    }

    /// The saved inputs, in a stable order; README files are not inputs.
    static let cases: [Case] = FuzzTarget.allCases.flatMap { target -> [Case] in
        guard
            let folder = Bundle.module.url(
                forResource: target.rawValue, withExtension: nil, subdirectory: "Fixtures/fuzz-regressions"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            Case(target: target, name: $0, url: folder.appendingPathComponent($0))
        }
    }

    @Test func everyTargetHasSavedInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.cases.contains { $0.target == target }, "no saved inputs for \(target.rawValue)")
        }
    }

    @Test(arguments: cases)
    func replaysWithoutAFinding(_ saved: Case) throws {
        let bytes = try [UInt8](Data(contentsOf: saved.url))
        #expect(throws: Never.self) { try saved.target.check(bytes) }
    }
}
