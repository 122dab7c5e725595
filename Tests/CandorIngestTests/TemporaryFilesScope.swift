import Foundation
import Testing

/// Gives each test of a suite (each case of a parameterized one) its own temporary folder for
/// `ReaderHarness.temporaryFile`, and removes it when the test ends, passed or failed.
struct TemporaryFilesScope: SuiteTrait, TestTrait, TestScoping {
    /// The running test's folder; nil outside a suite with the `.temporaryFiles` trait.
    @TaskLocal static var folder: URL?

    /// Every test in the suite gets the scope, not the suite as a whole.
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // Created on the first file, so tests that write none cost nothing.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-ingest-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.$folder.withValue(folder, operation: function)
    }
}

extension Trait where Self == TemporaryFilesScope {
    /// A temporary folder for each test of the suite, removed when the test ends.
    static var temporaryFiles: Self { Self() }
}
