/// Finds, in a parsed JSON report, the figure a tidy-CSV row names (Docs/TIDY-CSV.md's measures),
/// as a JSON object with `value`, `count`, `n`, `ci`, `p_value`, `difference` and the flags.
enum JSONFigureLookup {
    static func figure(for row: [String: String], in json: [String: Any]) -> [String: Any]? {
        guard let metricID = row["metric_id"], let measure = row["measure"] else { return nil }
        if let segment = row["segment"], !segment.isEmpty {
            let tables = json["segments"] as? [[String: Any]] ?? []
            let table = tables.first {
                $0["metric_id"] as? String == metricID && ($0["fields"] as? [String])?.joined(separator: "+") == segment
            }
            let rows = table?["rows"] as? [[String: Any]] ?? []
            return rows.first { ($0["labels"] as? [String])?.joined(separator: " | ") == row["group"] }
        }
        let metrics = json["metrics"] as? [[String: Any]] ?? []
        guard let metric = metrics.first(where: { $0["id"] as? String == metricID }) else { return nil }
        guard measure != "primary" else { return metric }
        let detail = metric["detail"] as? [String: Any] ?? [:]
        let (name, item) = split(measure)
        switch name {
        case "option":
            return (detail["options"] as? [[String: Any]])?.first { $0["label"] as? String == item }
        case "favourable", "neutral", "unfavourable":
            let items = detail["items"] as? [[String: Any]] ?? []
            return items.first { $0["label"] as? String == item }?[name] as? [String: Any]
        case "index_favourable", "index_neutral", "index_unfavourable":
            let index = detail["index"] as? [String: Any]
            return index?[String(name.dropFirst("index_".count))] as? [String: Any]
        case "eta_squared", "icc1":
            // A coefficient with its base: the respondents of the decomposition.
            var figure: [String: Any] = ["suppressed": false, "unreliable": false, "n": detail["respondents"] as Any]
            figure["value"] = detail[name]
            return figure
        case "r":
            let items = detail["items"] as? [[String: Any]] ?? []
            guard let driver = items.first(where: { $0["item"] as? String == item }) else { return nil }
            var figure: [String: Any] = ["suppressed": false, "unreliable": false]
            figure["value"] = driver["r"]
            figure["n"] = driver["n"]
            figure["p_value"] = driver["p_value"]
            return figure
        default:
            return detail[name] as? [String: Any]
        }
    }

    /// `favourable:q01` → ("favourable", "q01"); `promoters` → ("promoters", nil).
    private static func split(_ measure: String) -> (String, String?) {
        guard let colon = measure.firstIndex(of: ":") else { return (measure, nil) }
        return (String(measure[..<colon]), String(measure[measure.index(after: colon)...]))
    }
}

/// A small RFC 4180 reader for the tests (quoted cells, doubled quotes, CRLF), independent of the
/// writer; rows become dictionaries keyed by the header.
enum CSVTestParser {
    struct Malformed: Error {}

    static func records(_ text: String) throws -> [[String: String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(cell)
                cell = ""
            case "\r":
                guard scalars.next() == "\n" else { throw Malformed() }
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            default: cell.unicodeScalars.append(scalar)
            }
        }
        guard row.isEmpty, cell.isEmpty, let header = rows.first else { throw Malformed() }
        return try rows.dropFirst().map { cells in
            guard cells.count == header.count else { throw Malformed() }
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }
}
