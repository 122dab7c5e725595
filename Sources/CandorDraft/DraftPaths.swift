#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// Paths as a drafted definition writes them: relative to the folder the definition is saved
/// in, since the loader resolves `inputs` against that folder.
package enum DraftPaths {
    /// `path` as seen from `folder` (both made absolute against `current` first), such as
    /// `../SampleData/bad-boss.csv`.
    package static func relative(_ path: String, from folder: String, current: String) -> String {
        let target = components(absolute(path, current: current))
        let base = components(absolute(folder, current: current))
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        // Nothing in common but the root: an absolute path says more than a row of `..`.
        if shared == 0 { return "/" + target.joined(separator: "/") }
        let ups = Array(repeating: "..", count: base.count - shared)
        let rest = ups + target[shared...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    /// Where the draft's `yaml-language-server` line points: `Docs/pipeline-schema.json` in the
    /// first of `roots` or their parent folders that holds one, relative to `folder`; else
    /// the path within a candor checkout, for the user to adjust.
    package static func schemaReference(definitionFolder folder: String, roots: [String], current: String) -> String {
        for root in roots {
            var candidate = components(absolute(root, current: current))
            while true {
                let schema = "/" + (candidate + ["Docs", "pipeline-schema.json"]).joined(separator: "/")
                if FileManager.default.fileExists(atPath: schema) {
                    return relative(schema, from: folder, current: current)
                }
                guard !candidate.isEmpty else { break }
                candidate.removeLast()
            }
        }
        return "Docs/pipeline-schema.json"
    }

    /// A pipeline name from an export's file name: lower-case letters, digits and `-`.
    package static func pipelineName(for export: String) -> String {
        let file = (export.split(separator: "/").last.map(String.init) ?? export)
        let stem = file.split(separator: ".").dropLast().joined(separator: ".")
        let name = FieldNaming.words(stem.isEmpty ? file : stem).joined(separator: "-")
        return name.isEmpty ? "survey" : name
    }

    private static func absolute(_ path: String, current: String) -> String {
        path.hasPrefix("/") ? path : current + "/" + path
    }

    /// The path's folder names with `.` and `..` worked out.
    private static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(String(part))
            }
        }
        return parts
    }
}
