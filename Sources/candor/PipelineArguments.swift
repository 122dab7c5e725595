import ArgumentParser

/// The pipeline definitions to act on and the `--input` and `--output` overrides, shared by
/// `candor run` and `candor validate`.
struct PipelineArguments: ParsableArguments {
    @Argument(help: "Pipeline definition files (YAML).")
    var pipelines: [String]

    @Option(
        name: .customLong("input"), parsing: .upToNextOption,
        help: "Input files or globs, replacing the definitions' inputs (regular files or symlinks to them; not '-').")
    var inputs: [String] = []

    @Option(help: "Output folder, replacing the definitions' output.directory.")
    var output: String?

    /// The inputs given on the command line, or `nil` to use each definition's own.
    var inputOverride: [String]? { inputs.isEmpty ? nil : inputs }
}
