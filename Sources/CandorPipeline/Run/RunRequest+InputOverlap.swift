import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunRequest {
    /// Refuses an output folder whose files the inputs would read: a pattern such as
    /// `drop/*.csv` with the reports in `drop/` matches `drop/NAME.rejects.csv`, and the next
    /// run would read its own rejects file as survey data.
    ///
    /// Each input pattern, made absolute, is matched (`fnmatch(3)`, as `glob(3)` would) against
    /// every file the run writes: the reports in its formats, the rejects file and the run log.
    ///
    /// - Throws: `RunFailure` with `.configuration` (78) naming the pattern and the file.
    package func checkInputsMissOutputs() throws(RunFailure) {
        let current = FileManager.default.currentDirectoryPath
        let patterns =
            inputOverride.map { $0.map { DefinitionLoader.resolve($0, against: current) } }
            ?? definition.inputs.map { DefinitionLoader.resolve($0, against: definition.folder) }
        let folder = DefinitionLoader.resolve(outputDirectory, against: current)
        let outputs =
            formats.map { "\(definition.name).\($0.fileExtension)" } + [
                "\(definition.name).rejects.csv", "runs.jsonl",
            ]
        for pattern in patterns {
            for output in outputs where fnmatch(pattern, folder + "/" + output, FNM_PATHNAME) == 0 {
                throw RunFailure(
                    .configuration,
                    "the input pattern \(pattern) also matches the output file \(folder)/\(output), so a later run would read it as input; write the reports to another folder (output.directory or --output) or narrow the pattern"
                )
            }
        }
    }
}
