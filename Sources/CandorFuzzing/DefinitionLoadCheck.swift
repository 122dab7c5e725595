import CandorPipeline
import Foundation

/// The definition target: any bytes, as a pipeline definition file, give a checked definition
/// or a `DefinitionError` naming the file, never a crash or a hang; and a definition that loads
/// writes its reports inside its output folder, whatever its name says.
enum DefinitionLoadCheck {
    /// Loads `bytes` as a definition file.
    /// - Throws: `FuzzFinding` when the error says neither where nor what, or the reports of a
    ///   definition that loads would land outside its output folder.
    static func check(_ bytes: [UInt8]) throws(FuzzFinding) {
        let scratch = try FuzzScratch(for: .definition)
        defer { scratch.remove() }
        let path = try scratch.write(bytes, as: "pipeline.yml", for: .definition)
        let definition: PipelineDefinition
        do {
            definition = try DefinitionLoader.load(path: path)
        } catch {
            guard error.file == path, !error.message.isEmpty else {
                throw FuzzFinding(.definition, "an error that does not say where or what: \(error)")
            }
            return
        }
        let request = RunRequest(definition: definition)
        let folder = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL.path
        for output in request.reportPaths + [request.rejectsPath] {
            let parent = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.path
            guard parent == folder else {
                throw FuzzFinding(
                    .definition, "pipeline name \(definition.name.debugDescription) puts \(output) outside \(folder)")
            }
        }
    }
}
