#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input file: the path opened, and the name it carries in reports and rejects.
package struct InputFile: Sendable, Hashable {
    /// The path to open.
    package var path: String
    /// The path as the user wrote it (relative to the definition's folder for a definition's
    /// inputs), so reports do not depend on where the checkout lives.
    package var displayName: String
}

/// Turns input patterns (paths or globs, for a nightly drop folder) into a sorted file list.
package enum InputExpansion {
    /// Expands patterns written relative to `folder` (a definition's), or to the current folder
    /// when `folder` is `nil` (`--input`).
    package static func expand(_ written: [String], relativeTo folder: String?) throws(RunFailure) -> [InputFile] {
        var files: [InputFile] = []
        for pattern in written {
            let absolute = folder.map { DefinitionLoader.resolve(pattern, against: $0) } ?? pattern
            let writtenFolder = pattern.contains("/") ? String(pattern[..<pattern.lastIndex(of: "/")!]) + "/" : ""
            let folderHasWildcards = writtenFolder.contains(where: { "*?[".contains($0) })
            for path in try expand([absolute]) where !files.contains(where: { $0.path == path }) {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                let display = path == absolute ? pattern : (folderHasWildcards ? path : writtenFolder + name)
                files.append(InputFile(path: path, displayName: display))
            }
        }
        return files
    }

    /// The files matching each pattern, sorted by byte value within a pattern, duplicates
    /// removed. A plain path is kept even when it does not exist (reading it then fails with
    /// a clear message); a glob that matches nothing is an error.
    static func expand(_ patterns: [String]) throws(RunFailure) -> [String] {
        var files: [String] = []
        for pattern in patterns {
            guard pattern.contains(where: { "*?[".contains($0) }) else {
                if !files.contains(pattern) { files.append(pattern) }
                continue
            }
            var matches = glob_t()
            defer { globfree(&matches) }
            let status = glob(pattern, 0, nil, &matches)
            guard status == 0 else {
                throw RunFailure(.unreadableInput, "no input file matches \(pattern)")
            }
            var found: [String] = []
            for index in 0..<Int(matches.gl_pathc) {
                if let path = matches.gl_pathv[index] { found.append(String(cString: path)) }
            }
            for path in found.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            where !files.contains(path) {
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            throw RunFailure(.unreadableInput, "the pipeline has no inputs; list them under 'inputs' or pass --input")
        }
        return files
    }
}
