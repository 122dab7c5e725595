import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import Foundation
import Yams

/// Reads a pipeline definition file into a checked `PipelineDefinition`.
///
/// Every problem is a `DefinitionError` with the file, line and what to change: unknown keys,
/// unknown types, bad references, duplicate Likert labels, a multiselect without options…
/// Nothing here reads data; a mapped column the inputs lack is found when each input's header
/// is read, before its first record.
package enum DefinitionLoader {
    static let topKeys = [
        "version", "name", "title", "inputs", "read", "output", "privacy", "scales", "fields", "blocks", "dedupe",
        "filters", "weight", "metrics", "segments", "segment_pairs", "headlines", "statistics", "population", "wave",
        "change", "weighting",
    ]

    /// Loads and checks the definition at `path`.
    package static func load(path: String) throws(DefinitionError) -> PipelineDefinition {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw DefinitionError(file: path, line: nil, message: "the pipeline definition \(reason)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if let found = AliasKeyScan.firstAliasKey(in: text) {
            throw DefinitionError(
                file: path, line: found.line,
                message:
                    "the alias *\(found.alias) is used as a mapping key; write the key out (a definition's keys are plain words, and comparing an aliased key can take as long as expanding it)"
            )
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw DefinitionError(file: path, line: nil, message: "the definition is empty")
            }
            root = composed
            try DefinitionSize.check(composed, file: path)
        } catch let error as DefinitionError {
            throw error
        } catch let error as YamlError {
            throw DefinitionError(
                file: path, line: Self.line(of: error), message: "not valid YAML: \(Self.reason(of: error))")
        } catch {
            throw DefinitionError(file: path, line: nil, message: "not valid YAML: \(error)")
        }
        let top = try DefinitionNode(node: root, path: "", file: path).keyed(allowed: topKeys)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var context = ResolutionContext(file: path)

        guard let nameNode = top["name"] else {
            throw DefinitionError(file: path, line: 1, message: "the definition needs a 'name'")
        }
        let name = try PipelineName.checked(nameNode)
        if let version = top["version"], try version.int() != 1 {
            throw version.error("version must be 1 (the only definition format this candor reads)")
        }
        let read = try readOptions(top["read"])
        let output =
            try top["output"]?.keyed(allowed: [
                "directory", "formats", "max_reject_share", "per_group", "retain", "history", "cache",
            ]) ?? [:]
        let privacy =
            try top["privacy"]?.keyed(allowed: [
                "min_group_size", "allow_small_groups", "max_interval_width", "free_text", "text_min_group_size",
                "text_quote_limit",
            ]) ?? [:]

        try context.loadScales(top["scales"])
        guard let fieldsNode = top["fields"] else {
            throw DefinitionError(file: path, line: 1, message: "the definition needs 'fields' (the survey's schema)")
        }
        var schema = try context.loadFields(fieldsNode)
        schema.blocks = try context.loadBlocks(top["blocks"], schema: schema)
        schema.dedupe = try context.loadDedupe(top["dedupe"], schema: schema)
        schema.rejectsIdenticalRows = context.dedupesAllFields(top["dedupe"])
        if let weight = top["weight"] {
            let field = try context.field(named: try weight.string(), at: weight, in: schema)
            guard case .number = schema.fields[field].kind else {
                throw weight.error("weight must name a field of type number")
            }
            schema.weightField = field
        }
        schema.filters = try context.loadFilters(top["filters"], schema: &schema)
        let metrics = try context.loadMetrics(top["metrics"], schema: &schema)
        let segments = try (top["segments"]?.sequence() ?? []).map { node throws(DefinitionError) in
            try context.segmentField(node, schema: schema)
        }
        let pairs = try (top["segment_pairs"]?.sequence() ?? []).map {
            node throws(DefinitionError) -> AggregationPlan.SegmentPair in
            let parts = try node.sequence()
            guard parts.count == 2 else { throw node.error("each segment pair must list exactly two fields") }
            return .init(
                first: try context.segmentField(parts[0], schema: schema),
                second: try context.segmentField(parts[1], schema: schema))
        }
        let headlines = try context.loadHeadlines(top["headlines"], metrics: metrics)
        let allowsSmallGroups = try privacy["allow_small_groups"]?.bool() ?? false
        let rules = PrivacyRules(
            minGroupSize: try Self.minGroupSize(privacy["min_group_size"], allowsSmallGroups: allowsSmallGroups),
            maxIntervalWidth: try privacy["max_interval_width"]?.share() ?? 0.30)

        let inputs = try top["inputs"]?.strings() ?? []
        let history = try historySettings(
            output: output["history"], wave: top["wave"], change: top["change"], folder: folder,
            metrics: top["metrics"], fields: top["fields"], blocks: top["blocks"], scales: top["scales"])
        let population = try population(top["population"], schema: schema, folder: folder, context: context)
        let weighting = try weighting(
            top["weighting"], weight: top["weight"], population: population, schema: schema, context: context)
        var plan = AggregationPlan(
            schema: schema, metrics: metrics, segments: segments, segmentPairs: pairs, privacy: rules,
            adjustment: try adjustment(top["statistics"]))
        plan.headcountFields = population?.columns.map(\.field) ?? []
        var definition = PipelineDefinition(
            path: path, sha256: SHA256Digest.hex(of: [UInt8](data)), name: name,
            title: try top["title"]?.string() ?? name, inputs: inputs, folder: folder, read: read,
            outputDirectory: resolve(try output["directory"]?.string() ?? "reports/\(name)", against: folder),
            outputFormats: try outputFormats(output["formats"]),
            maxRejectShare: try output["max_reject_share"]?.share() ?? PipelineDefinition.defaultMaxRejectShare,
            plan: plan,
            perGroup: try perGroup(output["per_group"], segments: segments, schema: schema),
            headlines: headlines,
            freeText: FreeTextPolicy(
                allowed: try privacy["free_text"]?.bool() ?? false,
                minGroupSize: try privacy["text_min_group_size"]?.count() ?? 10,
                quoteLimit: try privacy["text_quote_limit"]?.count() ?? 20),
            population: population, retainDays: try retainDays(output["retain"]))
        definition.history = history
        definition.cache = try output["cache"]?.bool() ?? false
        definition.weighting = weighting
        return definition
    }

    /// `output.per_group`: one of the declared segments, since a group's figures come from its
    /// segment tables.
    private static func perGroup(_ node: DefinitionNode?, segments: [Int], schema: SurveySchema)
        throws(DefinitionError) -> String?
    {
        guard let node else { return nil }
        let name = try node.string()
        let names = segments.map { schema.fields[$0].name }
        guard names.contains(name) else {
            throw node.error(
                "output.per_group must name one of the segments (\(names.isEmpty ? "none declared" : names.joined(separator: ", "))), not '\(name)'"
            )
        }
        return name
    }

    /// The smallest group the report shows: 5 unless set. Below 3 a reader can work out a
    /// respondent's answers from a group's figures, so 1 and 2 need `allow_small_groups: true`
    /// (the report then states that groups this small are shown); 3 and 4 are allowed with a
    /// warning in the report (`MarkdownReport.smallGroupWarning`).
    private static func minGroupSize(_ node: DefinitionNode?, allowsSmallGroups: Bool) throws(DefinitionError) -> Int {
        guard let node else { return 5 }
        let size = try node.int()
        guard size >= 1 else { throw node.error("min_group_size must be at least 1, not \(size)") }
        guard size >= 3 || allowsSmallGroups else {
            throw node.error(
                "min_group_size \(size) would publish figures for groups of \(size == 1 ? "one respondent" : "two"), which can reveal their answers; use 3 or more, or set privacy.allow_small_groups: true to publish them anyway"
            )
        }
        return size
    }

    /// `output.formats`: a non-empty list of formats this build can write, each once.
    private static func outputFormats(_ node: DefinitionNode?) throws(DefinitionError) -> [OutputFormat] {
        guard let node else { return OutputFormat.defaults }
        let entries = try node.sequence()
        guard !entries.isEmpty else {
            throw node.error("output.formats must list at least one format (markdown, json, html, xlsx, csv)")
        }
        var formats: [OutputFormat] = []
        for entry in entries {
            switch OutputFormat.available(try entry.string()) {
            case .success(let format):
                guard !formats.contains(format) else {
                    throw entry.error("output.formats lists '\(format.rawValue)' twice")
                }
                formats.append(format)
            case .failure(let unavailable):
                throw entry.error(unavailable.message)
            }
        }
        return OutputFormat.ordered(formats)
    }

    /// `output.retain`: whole days, at least 1 (0 would delete the rejects file a run just wrote
    /// before anyone could read it).
    private static func retainDays(_ node: DefinitionNode?) throws(DefinitionError) -> Int? {
        guard let node else { return nil }
        let days = try node.int()
        guard days >= 1 else {
            throw node.error("output.retain must be a whole number of days, 1 or more, not \(days)")
        }
        return days
    }

    /// `path` made absolute against `folder` unless it already is.
    package static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
    }

    private static func readOptions(_ node: DefinitionNode?) throws(DefinitionError) -> ReadOptions {
        var options = ReadOptions()
        guard let node else { return options }
        let keys = try node.keyed(allowed: ["format", "encoding", "delimiter", "trim_spaces", "max_field_bytes"])
        if let format = keys["format"], try format.string() != "auto" {
            guard let parsed = ExportFormat(rawValue: try format.string()) else {
                throw format.error(
                    "unknown format '\(try format.string())'; use auto, \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            options.format = parsed
        }
        if let encoding = keys["encoding"], try encoding.string() != "auto" {
            guard let parsed = TextEncoding(userText: try encoding.string()) else {
                throw encoding.error(
                    "unknown encoding '\(try encoding.string())'; use auto, \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            options.encoding = parsed
        }
        if let delimiter = keys["delimiter"] {
            switch try delimiter.string() {
            case "auto": break
            case ",": options.delimiter = 0x2C
            case ";": options.delimiter = 0x3B
            case "\t", "\\t", "tab": options.delimiter = 0x09
            default: throw delimiter.error("delimiter must be auto, \",\", \";\" or \"\\t\"")
            }
        }
        if let trim = keys["trim_spaces"] { options.trimSpaces = try trim.bool() }
        if let limit = keys["max_field_bytes"] {
            options.maxFieldBytes = try limit.int()
            guard options.maxFieldBytes >= 16 else { throw limit.error("max_field_bytes must be at least 16") }
        }
        return options
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func reason(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }
}
