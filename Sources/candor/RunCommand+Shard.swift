import CandorPipeline
import Foundation
import Logging

extension RunCommand {
    /// `candor run DEF --shard I/N --partial PATH`: one shard into a partial, for `candor merge`.
    func runShard(_ text: String, partial: String, logger: Logger) throws {
        do {
            let spec = try ShardSpec(parsing: text, environment: ProcessInfo.processInfo.environment)
            let definition = try DefinitionLoader.load(path: selection.pipelines[0])
            let request = RunRequest(
                definition: definition, inputOverride: selection.inputOverride, outputOverride: selection.output,
                waitForLock: false, onlyIfChanged: false, threaded: false)
            let written = try ShardRun.run(request, shard: spec, partialPath: partial, logger: logger)
            if verbose {
                print(
                    "\(definition.name): shard \(spec.index)/\(spec.count): \(written.pieces.count) piece(s) into \(partial)"
                )
            }
        } catch let error as RunFailure {
            throw CandorFailure(exitStatus: error.status, message: error.message)
        } catch let error as DefinitionError {
            throw CandorFailure(exitStatus: .configuration, message: error.description)
        }
    }
}
