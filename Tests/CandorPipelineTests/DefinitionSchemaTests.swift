import CandorAggregate
import CandorClean
import CandorIngest
import Foundation
import Testing

@testable import CandorPipeline

/// `Docs/pipeline-schema.json` and the loader cannot drift: the keys, enums and defaults the
/// schema declares are compared with what `DefinitionLoader` accepts (asked of the loader
/// itself, through its "unknown key … (allowed: …)" and "does not apply" errors), and a real
/// validator checks every definition in `Pipelines/` and the reference's examples against
/// the schema, and refuses typos the loader refuses.
@Suite struct DefinitionSchemaTests {
    /// The schema as JSON (read afresh: `[String: Any]` cannot be a shared constant).
    static var schema: [String: Any] {
        let data = FileManager.default.contents(atPath: DefinitionSchemaValidator.schemaPath) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func definition(_ name: String) -> [String: Any] {
        (schema["$defs"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    static func properties(_ object: [String: Any]) -> [String: [String: Any]] {
        object["properties"] as? [String: [String: Any]] ?? [:]
    }

    /// A small valid definition the probes add to: a category `f`, a likert `l` on scale `s`,
    /// a block `b`.
    static func probe(_ extra: String, scales: String = "scales: {s: {labels: [a, b]}}", fields: String = "")
        -> String
    {
        """
        name: probe
        \(scales)
        fields:
          - {name: f, type: category, column: c}
          - {name: l, type: likert, column: l, scale: s}
        \(fields)
        blocks: {b: [l]}
        \(extra)
        """
    }

    /// The loader's message for `yaml`, or `nil` when it loads.
    static func loaderMessage(_ yaml: String) throws -> String? {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(yaml, in: folder)
        do {
            _ = try DefinitionLoader.load(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    /// The keys the loader lists as allowed when it meets an unknown key in a mapping.
    static func allowedKeys(_ yaml: String) throws -> Set<String> {
        let message = try #require(try loaderMessage(yaml))
        let range = try #require(message.range(of: #"\(allowed: [^)]*\)"#, options: .regularExpression), "\(message)")
        let list = message[range].dropFirst("(allowed: ".count).dropLast()
        return Set(list.components(separatedBy: ", "))
    }

    /// Where each mapping of a definition is in the schema, and a definition with an unknown
    /// key `zz_probe` in that mapping.
    static let mappings: [(schema: String, yaml: String)] = [
        ("top", probe("zz_probe: 1")),
        ("read", probe("read: {zz_probe: 1}")),
        ("output", probe("output: {zz_probe: 1}")),
        ("privacy", probe("privacy: {zz_probe: 1}")),
        ("scale", probe("", scales: "scales: {s: {labels: [a, b], zz_probe: 1}}")),
        ("field", probe("", fields: "  - {name: g, type: text, column: g, zz_probe: 1}")),
        ("dedupe", probe("dedupe: {zz_probe: 1}")),
        ("filter", probe("filters: [{zz_probe: 1}]")),
        ("predicate", probe("filters: [{name: x, where: {zz_probe: 1}}]")),
        ("metric", probe("metrics: [{id: m, kind: share, zz_probe: 1}]")),
        ("score", probe("metrics: [{id: m, kind: variance_share, group: f, score: {zz_probe: 1}}]")),
        ("headline", probe("headlines: [{zz_probe: 1}]")),
    ]

    @Test(arguments: mappings.map(\.schema))
    func theSchemaHasExactlyTheKeysTheLoaderAccepts(_ mapping: String) throws {
        let yaml = try #require(Self.mappings.first { $0.schema == mapping }).yaml
        let loader = try Self.allowedKeys(yaml)
        let object = mapping == "top" ? Self.schema : Self.definition(mapping)
        let schema = Set(Self.properties(object).keys)
        #expect(
            loader.subtracting(schema).isEmpty, "\(mapping): the schema lacks \(loader.subtracting(schema).sorted())")
        #expect(
            schema.subtracting(loader).isEmpty, "\(mapping): the loader refuses \(schema.subtracting(loader).sorted())")
        #expect(object["additionalProperties"] as? Bool == false, "\(mapping) must refuse unknown keys")
    }

    /// Per field type, the keys the schema allows are those the loader does not call "does
    /// not apply" to that type.
    @Test(arguments: ResolutionContext.types)
    func eachFieldTypeAllowsTheLoadersKeys(_ type: String) throws {
        let clauses = Self.definition("field")["allOf"] as? [[String: Any]] ?? []
        let clause = try #require(
            clauses.first { clause in
                let condition = (clause["if"] as? [String: Any]).map(Self.properties)
                return condition?["type"]?["const"] as? String == type
                    && (clause["then"] as? [String: Any])?["propertyNames"] != nil
            }, "the field schema has no propertyNames clause for type \(type)")
        let schemaKeys = Set(
            ((clause["then"] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String] ?? [])
        for key in ResolutionContext.fieldKeys where !["name", "type", "column"].contains(key) {
            let message =
                try Self.loaderMessage(
                    Self.probe("", fields: "  - {name: g, type: \(type), column: g, \(key): 1}")) ?? ""
            let loaderAllows = !message.contains("'\(key)' does not apply")
            #expect(
                loaderAllows == schemaKeys.contains(key),
                "\(type).\(key): loader \(loaderAllows), schema \(!loaderAllows)")
        }
        #expect(schemaKeys.isSuperset(of: ["name", "type", "column"]))
    }

    /// Per metric kind, the keys the schema allows are the kind's own (`MetricRegistry`) and
    /// the common `id`, `kind`, `label`, which is what the loader checks.
    @Test(arguments: MetricRegistry.kinds.map { $0.name })
    func eachMetricKindAllowsItsKeys(_ kind: String) throws {
        let clauses = Self.definition("metric")["allOf"] as? [[String: Any]] ?? []
        let clause = try #require(
            clauses.first { clause in
                let condition = (clause["if"] as? [String: Any]).map(Self.properties)
                return condition?["kind"]?["const"] as? String == kind
                    && (clause["then"] as? [String: Any])?["propertyNames"] != nil
            }, "the metric schema has no propertyNames clause for kind \(kind)")
        let schemaKeys = ((clause["then"] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(schemaKeys ?? []) == Set(ResolutionContext.commonMetricKeys + MetricRegistry.keys(ofKind: kind)))
        // And the loader refuses a key of another kind on this one.
        for key in ResolutionContext.metricKeys where !(schemaKeys ?? []).contains(key) {
            let message = try Self.loaderMessage(Self.probe("metrics: [{id: m, kind: \(kind), \(key): 1}]")) ?? ""
            #expect(message.contains("'\(key)' does not apply to \(kind) metrics"), "\(kind).\(key): \(message)")
        }
    }

    @Test func theEnumsAreTheLoaders() throws {
        func enumeration(_ object: [String: Any], _ key: String) -> [String] {
            Self.properties(object)[key]?["enum"] as? [String] ?? []
        }
        #expect(Set(enumeration(Self.definition("field"), "type")) == Set(ResolutionContext.types))
        #expect(Set(enumeration(Self.definition("field"), "on_invalid")) == Set(InvalidPolicy.allCases.map(\.rawValue)))
        #expect(enumeration(Self.definition("read"), "format") == ["auto"] + ExportFormat.allCases.map(\.rawValue))
        let encodings = enumeration(Self.definition("read"), "encoding")
        #expect(Set(encodings).isSuperset(of: TextEncoding.allCases.map(\.rawValue)))
        for spelling in encodings where spelling != "auto" {
            #expect(TextEncoding(userText: spelling) != nil, "the loader refuses encoding \(spelling)")
        }
        for delimiter in enumeration(Self.definition("read"), "delimiter") {
            let quoted = String(data: try JSONEncoder().encode(delimiter), encoding: .utf8)!
            #expect(try Self.loaderMessage(Self.probe("read: {delimiter: \(quoted)}")) == nil, "delimiter \(quoted)")
        }
        for keep in enumeration(Self.definition("dedupe"), "keep") {
            let yaml = Self.probe(
                "dedupe: {by: r, keep: \(keep), order_by: t}",
                fields: "  - {name: r, type: id, column: r}\n  - {name: t, type: timestamp, column: t}")
            #expect(try Self.loaderMessage(yaml) == nil, "keep: \(keep)")
        }
        // Metric kinds: every kind the schema names is known to the loader, and the loader's
        // list of kinds (in its message for an unknown one) is the schema's.
        let kinds = enumeration(Self.definition("metric"), "kind")
        for kind in kinds {
            let message = try Self.loaderMessage(Self.probe("metrics: [{id: m, kind: \(kind)}]")) ?? ""
            #expect(!message.contains("unknown metric kind"), "\(kind): \(message)")
        }
        let unknown = try #require(try Self.loaderMessage(Self.probe("metrics: [{id: m, kind: zz_probe}]")))
        let listed = try #require(unknown.range(of: "use ")).upperBound
        let loaderKinds = unknown[listed...].replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ")
        #expect(Set(loaderKinds) == Set(kinds))
    }

    /// The defaults the schema states are the values the loader fills in.
    @Test func theDefaultsAreTheLoaders() throws {
        let folder = ScratchFolder()
        let yaml = Self.probe(
            "metrics: [{id: e, kind: engagement_index, block: b}]",
            fields: """
                  - {name: m, type: multiselect, column: m, options: [x, y]}
                  - {name: y, type: boolean, column: y}
                  - {name: t, type: timestamp, column: t}
                  - {name: i, type: integer, column: i}
                """)
        let loaded = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: folder))
        func schemaDefault(_ object: String, _ key: String) -> Any? {
            Self.properties(object == "top" ? Self.schema : Self.definition(object))[key]?["default"]
        }
        #expect(schemaDefault("top", "version") as? Int == 1)
        #expect(schemaDefault("read", "trim_spaces") as? Bool == loaded.read.trimSpaces)
        #expect(schemaDefault("read", "max_field_bytes") as? Int == loaded.read.maxFieldBytes)
        #expect(schemaDefault("read", "format") as? String == "auto" && loaded.read.format == nil)
        #expect(schemaDefault("read", "encoding") as? String == "auto" && loaded.read.encoding == nil)
        #expect(schemaDefault("read", "delimiter") as? String == "auto" && loaded.read.delimiter == nil)
        #expect(schemaDefault("output", "max_reject_share") as? Double == loaded.maxRejectShare)
        #expect(schemaDefault("privacy", "min_group_size") as? Int == loaded.plan.privacy.minGroupSize)
        #expect(schemaDefault("privacy", "max_interval_width") as? Double == loaded.plan.privacy.maxIntervalWidth)
        #expect(schemaDefault("privacy", "free_text") as? Bool == loaded.freeText.allowed)
        #expect(schemaDefault("privacy", "text_min_group_size") as? Int == loaded.freeText.minGroupSize)
        #expect(schemaDefault("privacy", "text_quote_limit") as? Int == loaded.freeText.quoteLimit)
        let fields = loaded.schema.fields
        #expect(schemaDefault("field", "required") as? Bool == fields[0].required)
        #expect(schemaDefault("field", "on_invalid") as? String == fields[0].onInvalid.rawValue)
        if case .category(let category) = fields[0].kind {
            #expect(schemaDefault("field", "closed") as? Bool == category.closed)
        }
        if case .likert(_, let reverse) = fields[1].kind {
            #expect(schemaDefault("field", "reverse") as? Bool == reverse)
        }
        if case .multiselect(let spec) = fields[2].kind {
            #expect(spec.encoding == .joined(separator: schemaDefault("field", "separator") as? String ?? ""))
        }
        if case .boolean(let boolean) = fields[3].kind {
            #expect(schemaDefault("field", "true_values") as? [String] == boolean.trueValues)
            #expect(schemaDefault("field", "false_values") as? [String] == boolean.falseValues)
        }
        if case .timestamp(let formats) = fields[4].kind {
            // Without formats the input's export format implies them at run time: no fixed default.
            #expect(formats.isEmpty)
            #expect(schemaDefault("field", "formats") == nil)
        }
        let metric = try #require(loaded.plan.metrics.first)
        let index = try #require(metric.kind.definition as? EngagementIndexMetric)
        #expect(schemaDefault("metric", "engaged_at") as? Double == index.engagedAt)
        #expect(schemaDefault("metric", "disengaged_below") as? Double == index.disengagedBelow)
        #expect(schemaDefault("metric", "engaged_display_n") as? Int == index.engagedDisplayN)
        #expect(schemaDefault("metric", "all_classes_display_n") as? Int == index.allClassesDisplayN)
    }
}
