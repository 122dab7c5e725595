#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns input patterns (paths or globs, for a nightly drop folder) into a sorted file list.
package enum InputExpansion {
    /// The files matching each pattern, sorted by byte value within a pattern, duplicates
    /// removed. A plain path is kept even when it does not exist (reading it then fails with
    /// a clear message); a glob that matches nothing is an error.
    package static func expand(_ patterns: [String]) throws(RunFailure) -> [String] {
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
            for path in found.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !files.contains(path) {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw RunFailure(.unreadableInput, "the pipeline has no inputs; list them under 'inputs' or pass --input") }
        return files
    }
}
