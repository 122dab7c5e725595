// TEMPORARY until the report stage lands.
enum ReportAssembly {
    struct Document {}
    static func document(definition: PipelineDefinition, pass: StreamingPass) -> Document { Document() }
    static func markdown(_ document: Document) -> String { "" }
    static func json(_ document: Document) -> String { "" }
}
