import ArgumentParser
import CandorPipeline

/// The pipeline definitions to act on, the `--input` and `--output` overrides and the formats
/// `--format` adds, shared by `candor run` and `candor validate`.
struct PipelineArguments: ParsableArguments {
    @Argument(help: "Pipeline definition files (YAML).")
    var pipelines: [String]

    @Option(
        name: .customLong("input"), parsing: .upToNextOption,
        help: "Input files or globs, replacing the definitions' inputs (regular files or symlinks to them; not '-').")
    var inputs: [String] = []

    @Option(help: "Output folder, replacing the definitions' output.directory.")
    var output: String?

    @Option(
        name: .customLong("format"),
        help:
            "Also write the report in this format (markdown, json, html, xlsx, csv), besides output.formats; repeatable."
    )
    var formats: [String] = []

    /// The inputs given on the command line, or `nil` to use each definition's own.
    var inputOverride: [String]? { inputs.isEmpty ? nil : inputs }

    /// The formats given with `--format`.
    ///
    /// - Throws: `CandorFailure` with exit 78 for a name that is not a format or a format this
    ///   build cannot write yet: asked for a file it cannot make, the run must not quietly skip it.
    func addedFormats() throws(CandorFailure) -> [OutputFormat] {
        var added: [OutputFormat] = []
        for name in formats {
            switch OutputFormat.available(name) {
            case .success(let format): added.append(format)
            case .failure(let unavailable):
                throw CandorFailure(exitStatus: .configuration, message: "--format: \(unavailable.message)")
            }
        }
        return added
    }
}
