import Foundation
import Testing

@testable import CandorPipeline

/// Pipelines of one batch that share an output folder run one after another (issue 22,
/// defect 7); the end-to-end test runs them with `--jobs 2`.
@Suite struct RunLanesTests {
    @Test func requestsSharingAFolderShareALaneInOrder() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(
            "version: 1\nname: t\nfields:\n  - {name: r, type: id, column: r}\n", in: folder)
        let definition = try DefinitionLoader.load(path: path)
        let outputs = ["/srv/a", "/srv/b", "/srv/a/", "/srv/x/../a", "/srv/c", "/srv/b"]
        let requests = outputs.map { RunRequest(definition: definition, outputOverride: $0) }
        // By hand: /srv/a at 0, 2 and 3 (a trailing slash and ".." are the same folder), /srv/b
        // at 1 and 5, /srv/c at 4; lanes in the order of their first request.
        #expect(RunLanes.lanes(requests) == [[0, 2, 3], [1, 5], [4]])
    }
}
