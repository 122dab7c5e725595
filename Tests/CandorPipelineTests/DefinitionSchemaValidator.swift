import Foundation

/// Validates definitions against `Docs/pipeline-schema.json` with a real JSON Schema validator:
/// Python's `jsonschema` (draft 2020-12), reading the YAML with PyYAML as an editor's YAML
/// support would, in one `python3` run for any number of files.
enum DefinitionSchemaValidator {
    static let schemaPath = DefinitionFiles.packageRoot + "/Docs/pipeline-schema.json"

    /// Whether python3 with `jsonschema` and `yaml` is installed (`scripts/ensure-deps --test`).
    static let isAvailable: Bool = {
        (try? run(["-c", "import jsonschema, yaml"]).status) == 0
    }()

    private static let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        out = {}
        for path in sys.argv[2:]:
            document = yaml.safe_load(open(path, encoding="utf-8"))
            out[path] = sorted(e.message + " at /" + "/".join(map(str, e.absolute_path)) for e in validator.iter_errors(document))
        print(json.dumps(out))
        """

    /// The schema's complaints about each definition text, by the key given (empty: valid).
    /// - Throws: when python fails (the schema itself is not valid draft 2020-12, a YAML
    ///   error): the message is python's.
    static func errors(_ definitions: [String: String]) throws -> [String: [String]] {
        let folder = ScratchFolder()
        var paths: [String: String] = [:]
        for (index, key) in definitions.keys.sorted().enumerated() {
            paths[try DefinitionFiles.write(definitions[key]!, name: "definition-\(index).yml", in: folder)] = key
        }
        let result = try run(["-c", script, schemaPath] + paths.keys.sorted())
        guard result.status == 0, let data = result.stdout.data(using: .utf8),
            let decoded = try JSONSerialization.jsonObject(with: data) as? [String: [String]]
        else {
            throw ValidatorFailure(message: result.stderr)
        }
        return Dictionary(uniqueKeysWithValues: decoded.map { (paths[$0.key]!, $0.value) })
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 jsonschema failed: \(message)" }
    }

    /// Runs `python3` (as found on PATH, through env) with `arguments`; output goes through
    /// files so that no pipe can fill up and stall it.
    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = ScratchFolder()
        let out = URL(fileURLWithPath: folder.file("stdout"))
        let err = URL(fileURLWithPath: folder.file("stderr"))
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
            try String(contentsOf: err, encoding: .utf8)
        )
    }
}
